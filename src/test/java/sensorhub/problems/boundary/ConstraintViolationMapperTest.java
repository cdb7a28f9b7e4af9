package sensorhub.problems.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstraintViolationMapperTest {

    @ParameterizedTest
    @CsvSource({"activationDate, activation_date", "id, id", "minVal, min_val", "sensorId, sensor_id",
            "q1, q1", "value2Max, value2_max"})
    void namesJavaFieldsInSnakeCase(String javaName, String jsonName) {
        assertEquals(jsonName, ConstraintViolationMapper.snakeCase(javaName));
    }

    @Test
    void namesFieldsAlikeWhateverTheServerLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));

            assertEquals("sensor_id", ConstraintViolationMapper.snakeCase("sensorId"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
