package sensorhub.mqtt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    private final Topics topics = new Topics("sensors", "sensorhub");

    @Test
    void subscribesToBothKindsOfTopicAsOneSharedGroup() {
        assertEquals(List.of("$share/sensorhub/sensors/+/readings", "$share/sensorhub/sensors/readings"),
                topics.subscriptions());
        assertEquals("sensors/errors", topics.errors());
    }

    @Test
    void subscribesOnItsOwnWithoutAGroup() {
        assertEquals(List.of("sensors/+/readings", "sensors/readings"), new Topics("sensors", "").subscriptions());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kitchen-1", "a/b", "50%", "a+b#c", "Küche 温度", "%2F", "trailing "})
    void namesEverySensorByOneLevelItReadsBack(String id) {
        String topic = topics.of(id);

        assertEquals(3, topic.split("/", -1).length, topic);
        assertEquals(new Topics.OfSensor(id), topics.kindOf(topic));
    }

    @Test
    void tellsBatchesFromSensorsAndRefusesWhatIsNeither() {
        assertEquals(new Topics.Batch(), topics.kindOf("sensors/readings"));
        assertEquals(new Topics.OfSensor("k"), topics.kindOf("sensors/k/readings"));
        assertInstanceOf(Topics.Foreign.class, topics.kindOf("sensors/a/b/readings"));
        assertInstanceOf(Topics.Foreign.class, topics.kindOf("other/k/readings"));
        assertInstanceOf(Topics.Foreign.class, topics.kindOf("sensors/k/values"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensors/%/readings", "sensors/%2/readings", "sensors/%ZZ/readings",
        "sensors/%C3%28/readings", "sensors/%FF/readings"})
    void refusesAnIdWhosePercentEncodingIsNotUtf8(String topic) {
        assertInstanceOf(Topics.Foreign.class, topics.kindOf(topic));
    }
}
