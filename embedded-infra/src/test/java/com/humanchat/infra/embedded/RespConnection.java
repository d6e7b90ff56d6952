package com.humanchat.infra.embedded;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Speaks just enough RESP over a plain socket to test a Redis server without a client library. */
final class RespConnection implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RespConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RespConnection open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return new RespConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends one command and returns its reply: a simple string as {@code +OK}, an error as {@code -ERR ...}, an
     * integer as {@code :1}, a bulk string as its text, a null bulk string as {@code null}.
     */
    String command(String... arguments) throws IOException {
        send(arguments);
        Object reply = readReply();
        if (reply instanceof List<?>) {
            throw new IllegalStateException("Expected a single reply, got an array: " + reply);
        }
        return (String) reply;
    }

    /** Sends one command whose reply is an array, and returns its elements as {@link #command} would. */
    List<Object> arrayCommand(String... arguments) throws IOException {
        send(arguments);
        Object reply = readReply();
        if (!(reply instanceof List<?> elements)) {
            throw new IllegalStateException("Expected an array reply, got: " + reply);
        }
        return new ArrayList<>(elements);
    }

    private void send(String... arguments) throws IOException {
        StringBuilder request =
                new StringBuilder().append('*').append(arguments.length).append("\r\n");
        for (String argument : arguments) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            request.append('$')
                    .append(bytes.length)
                    .append("\r\n")
                    .append(argument)
                    .append("\r\n");
        }
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Object readReply() throws IOException {
        String line = readLine();
        if (line.startsWith("$")) {
            int length = Integer.parseInt(line.substring(1));
            if (length < 0) {
                return null;
            }
            byte[] body = in.readNBytes(length + 2);
            return new String(body, 0, length, StandardCharsets.UTF_8);
        }
        if (line.startsWith("*")) {
            int count = Integer.parseInt(line.substring(1));
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                elements.add(readReply());
            }
            return elements;
        }
        return line;
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int current = in.read();
            if (current == -1) {
                throw new IOException("Redis closed the connection");
            }
            if (previous == '\r' && current == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(current);
            previous = current;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
