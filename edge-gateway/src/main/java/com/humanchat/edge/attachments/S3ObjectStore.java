package com.humanchat.edge.attachments;

import com.humanchat.edge.config.AttachmentConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Attachments in an S3 bucket (AWS or any S3-compatible store) through the AWS SDK v2: the client uploads and downloads
 * with pre-signed PUT/GET URLs ({@link S3Presigner}); the edge only reads an upload's size and, for an image, its bytes.
 * A download URL carries the response's content type and disposition; S3 cannot add {@code nosniff}, so the bucket
 * belongs on an origin of its own (the default: its endpoint), where nothing the browser runs can reach the app.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final String bucket;
    private final S3Client client;
    private final S3Presigner presigner;

    public S3ObjectStore(AttachmentConfig.S3 config) {
        this.bucket = config.bucket();
        AwsCredentialsProvider credentials = config.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
        S3Configuration s3 = S3Configuration.builder()
                .pathStyleAccessEnabled(config.pathStyle())
                .build();
        var clientBuilder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3)
                .httpClient(UrlConnectionHttpClient.create());
        var presignerBuilder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3);
        if (config.endpoint() != null) {
            clientBuilder.endpointOverride(config.endpoint());
            presignerBuilder.endpointOverride(config.endpoint());
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
    }

    @Override
    public Upload signUpload(String key, String contentType, long maxBytes, Duration ttl) {
        // The signed Content-Length makes the store itself refuse any other size.
        var signed = presigner.presignPutObject(put -> put.signatureDuration(ttl)
                .putObjectRequest(object ->
                        object.bucket(bucket).key(key).contentType(contentType).contentLength(maxBytes)));
        return new Upload("PUT", signed.url().toString(), Map.of("Content-Type", contentType));
    }

    @Override
    public String signDownload(String key, String contentType, String fileName, boolean inline, Duration ttl) {
        return presigner
                .presignGetObject(get -> get.signatureDuration(ttl).getObjectRequest(object -> object.bucket(bucket)
                        .key(key)
                        .responseContentType(contentType)
                        .responseContentDisposition(ContentDisposition.of(fileName, inline))
                        .responseCacheControl("private, max-age=300, immutable")))
                .url()
                .toString();
    }

    @Override
    public OptionalLong size(String key) throws IOException {
        try {
            return OptionalLong.of(
                    client.headObject(head -> head.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw new IOException("S3 could not tell the size of " + key, e);
        } catch (SdkException e) {
            throw new IOException("S3 could not tell the size of " + key, e);
        }
    }

    @Override
    public byte[] read(String key) throws IOException {
        try {
            return client.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
        } catch (SdkException e) {
            throw new IOException("S3 could not read " + key, e);
        }
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) throws IOException {
        try {
            client.putObject(put -> put.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("S3 could not store " + key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(delete -> delete.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("S3 could not delete " + key, e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
