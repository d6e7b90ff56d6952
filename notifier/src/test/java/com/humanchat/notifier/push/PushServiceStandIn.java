package com.humanchat.notifier.push;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/**
 * A push service in the test JVM (what FCM or Mozilla's autopush are to a browser): it takes {@code POST
 * /push/<device>} and, before answering, checks the request the way a real one does — the VAPID JWT (RFC 8292: ES256
 * signature verified with nimbus-jose-jwt against the {@code k} key, {@code aud} the endpoint's origin, {@code exp} in
 * the future and within 24 h, {@code sub} the expected subject), {@code Content-Encoding: aes128gcm}, a {@code TTL} —
 * and decrypts the body as the device would (RFC 8291 / RFC 8188 with BouncyCastle: ECDH with the device's private
 * key, HKDF with its auth secret, AES-128-GCM). Each device answers 201 unless told otherwise.
 */
public final class PushServiceStandIn implements AutoCloseable {

    /** A request the stand-in accepted: the device it was for, when it arrived, the decrypted payload. */
    public record Received(String device, Instant at, String payload) {}

    /** A browser's subscription: its P-256 key pair and auth secret; the notifier gets only the public half. */
    public static final class Device {
        final String name;
        final ECPrivateKeyParameters privateKey;
        final byte[] publicKey;
        final byte[] authSecret = new byte[16];

        Device(String name) {
            this.name = name;
            ECKeyPairGenerator generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(P256, RANDOM));
            AsymmetricCipherKeyPair pair = generator.generateKeyPair();
            this.privateKey = (ECPrivateKeyParameters) pair.getPrivate();
            this.publicKey = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
            RANDOM.nextBytes(authSecret);
        }

        public String p256dh() {
            return B64.encodeToString(publicKey);
        }

        public String auth() {
            return B64.encodeToString(authSecret);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("P-256");
    private static final ECDomainParameters P256 =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

    private final HttpServer server;
    private final String subject;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, Queue<Integer>> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

    /** Listens on a free loopback port; {@code subject} is the VAPID {@code sub} every request must carry. */
    public PushServiceStandIn(String subject) throws IOException {
        this.subject = subject;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/push/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A new device subscribed with this push service. */
    public Device device() {
        Device device = new Device(UUID.randomUUID().toString());
        devices.put(device.name, device);
        return device;
    }

    public String endpoint(Device device) {
        return origin() + "/push/" + device.name;
    }

    /** The origin the VAPID {@code aud} must name. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests for {@code device} are answered with these statuses, in order; then 201 again. */
    public void answer(Device device, Integer... statuses) {
        answers.computeIfAbsent(device.name, d -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
    }

    /** Accepted (2xx) requests, decrypted. */
    public List<Received> received(Device device) {
        return received.stream().filter(r -> r.device().equals(device.name)).toList();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request that reached {@code device}'s endpoint, whatever it was answered. */
    public long requests(Device device) {
        return requests.stream().filter(device.name::equals).count();
    }

    /** Why requests were refused as malformed (400/401/403): should stay empty. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/push/".length());
            requests.add(name);
            Device device = devices.get(name);
            if (device == null || !"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 404);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String payload;
            try {
                checkVapid(exchange.getRequestHeaders().getFirst("Authorization"));
                check("aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding")), "encoding");
                String ttl = exchange.getRequestHeaders().getFirst("TTL");
                check(ttl != null && Integer.parseInt(ttl) > 0, "TTL header");
                payload = decrypt(device, body);
            } catch (Exception refused) {
                rejections.add(refused.toString());
                reply(exchange, 401);
                return;
            }
            Integer status =
                    answers.getOrDefault(name, new ConcurrentLinkedQueue<>()).poll();
            int answer = status == null ? 201 : status;
            if (answer / 100 == 2) {
                received.add(new Received(name, Instant.now(), payload));
            }
            reply(exchange, answer);
        }
    }

    /** {@code vapid t=<JWT>, k=<public key>} (RFC 8292 §3). */
    private void checkVapid(String authorization) throws Exception {
        check(authorization != null && authorization.startsWith("vapid "), "Authorization: vapid");
        String token = null;
        String key = null;
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals("t")) {
                token = pair[1];
            } else if (pair[0].equals("k")) {
                key = pair[1];
            }
        }
        check(token != null && key != null, "t and k");
        byte[] point = Base64.getUrlDecoder().decode(key);
        check(point.length == 65 && point[0] == 4, "k is an uncompressed P-256 point");
        ECKey publicKey = new ECKey.Builder(
                        Curve.P_256,
                        Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                        Base64URL.encode(Arrays.copyOfRange(point, 33, 65)))
                .build();
        SignedJWT jwt = SignedJWT.parse(token);
        check(JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()), "alg ES256");
        check(jwt.verify(new ECDSAVerifier(publicKey)), "ES256 signature");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        check(claims.getAudience().equals(List.of(origin())), "aud " + claims.getAudience() + " ≠ " + origin());
        Instant exp = claims.getExpirationTime().toInstant();
        check(exp.isAfter(Instant.now()), "exp in the future");
        check(exp.isBefore(Instant.now().plus(Duration.ofHours(24))), "exp within 24 h");
        check(subject.equals(claims.getSubject()), "sub " + claims.getSubject());
    }

    /** RFC 8291 §3.4 and RFC 8188 §2: one record, the last, with its 0x02 delimiter and zero padding. */
    private static String decrypt(Device device, byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        check(recordSize >= 18 && ciphertext.length <= recordSize, "one record");

        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(device.privateKey);
        BigInteger shared = agreement.calculateAgreement(
                new ECPublicKeyParameters(P256.getCurve().decodePoint(senderKey), P256));
        byte[] ecdhSecret = BigIntegers.asUnsignedByteArray(32, shared);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), device.publicKey, senderKey);
        byte[] ikm = hkdf(device.authSecret, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(false, new AEADParameters(new KeyParameter(cek), 128, nonce));
        byte[] plain = new byte[gcm.getOutputSize(ciphertext.length)];
        int length = gcm.processBytes(ciphertext, 0, ciphertext.length, plain, 0);
        length += gcm.doFinal(plain, length);
        int end = length - 1;
        while (end >= 0 && plain[end] == 0) {
            end--;
        }
        check(end >= 0 && plain[end] == 2, "the last record's 0x02 delimiter");
        return new String(plain, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("push request refused: " + what);
        }
    }

    private static void reply(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
