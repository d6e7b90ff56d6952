package com.humanchat.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentReaderTest {

    @Test
    void reportsEveryProblemAtOnce() {
        EnvironmentReader reader = new EnvironmentReader(Map.of("A_NUMBER", "ten", "A_RANGE", "99", "BLANK", "  "));

        reader.required("MISSING", "what it is for");
        reader.required("BLANK", "blank counts as unset");
        reader.integer("A_NUMBER", 1, 0, 10);
        reader.integer("A_RANGE", 1, 0, 10);
        reader.required("A_NUMBER", "a url", value -> {
            throw new IllegalArgumentException("not a url");
        });
        InvalidConfigurationException error =
                catchThrowableOfType(InvalidConfigurationException.class, reader::throwIfInvalid);

        assertThat(error.problems())
                .containsExactly(
                        "MISSING is required (what it is for)",
                        "BLANK is required (blank counts as unset)",
                        "A_NUMBER must be a whole number, was 'ten'",
                        "A_RANGE must be between 0 and 10, was 99",
                        "A_NUMBER is invalid: not a url");
        assertThat(error).hasMessageContaining("MISSING").hasMessageContaining("A_RANGE");
    }

    @Test
    void usesFallbacksForUnsetValuesAndTrims() {
        EnvironmentReader reader = new EnvironmentReader(Map.of("PORT", " 8081 ", "DIR", "/data"));

        assertThat(reader.integer("PORT", 8080, 0, 65535)).isEqualTo(8081);
        assertThat(reader.integer("THREADS", 2, 1, 8)).isEqualTo(2);
        assertThat(reader.optional("DIR", Path::of, Path.of("var"))).isEqualTo(Path.of("/data"));
        assertThat(reader.optional("OTHER", "fallback")).isEqualTo("fallback");
        reader.throwIfInvalid();
    }

    @Test
    void takesOnlyHttpUrlsWithAHost() {
        Setting base = new Setting("BASE", "—", "an endpoint");
        Setting other = new Setting("OTHER", "—", "another endpoint");
        Setting unset = new Setting("UNSET", "—", "a third");
        EnvironmentReader reader =
                new EnvironmentReader(Map.of("BASE", "https://api.example.com/v1", "OTHER", "http:///no-host"));

        assertThat(reader.httpUrl(base, null)).isEqualTo("https://api.example.com/v1");
        assertThat(reader.httpUrl(other, "http://fallback")).isEqualTo("http://fallback");
        assertThat(reader.httpUrl(unset, null)).isNull();
        assertThat(catchThrowableOfType(InvalidConfigurationException.class, reader::throwIfInvalid)
                        .problems())
                .containsExactly("OTHER must be an http:// or https:// URL, not 'http:///no-host'");
    }
}
