package sensorhub.time.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import sensorhub.time.control.EpochMicros;

/** Stores an entity's {@link Instant} attribute as microseconds since the epoch. */
@Converter
public class EpochMicrosConverter implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : EpochMicros.of(instant);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        return micros == null ? null : EpochMicros.toInstant(micros);
    }
}
