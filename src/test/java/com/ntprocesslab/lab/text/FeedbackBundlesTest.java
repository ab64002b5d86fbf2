package com.ntprocesslab.lab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every feedback sentence exists in both languages with the same arguments. */
class FeedbackBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FeedbackBundlesTest.class.getResourceAsStream("/com/ntprocesslab/lab/text/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndChineseHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("feedback.properties");
        Properties zh = load("feedback_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            for (int i = 0; i < 5; i++) {
                String placeholder = "{" + i + "}";
                assertThat(zh.getProperty(key).contains(placeholder)).as(key + " " + placeholder)
                        .isEqualTo(en.getProperty(key).contains(placeholder));
            }
        }
    }
}
