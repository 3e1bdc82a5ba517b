package cn.shencha.base.time;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every time the app's API answers is ISO-8601 with the +08:00 offset, e.g. {@code 2026-02-11T16:00:00+08:00}.
 * Jackson writes a {@link Instant} as UTC ("...Z") and an {@link OffsetDateTime} in whatever offset it carries;
 * the DTOs hold {@code Instant}s, so the zone is set here, once, for the app's ObjectMapper (Spring MVC's JSON,
 * springdoc). Camunda's REST API keeps its own mapper and format.
 */
@Configuration(proxyBeanMethods = false)
class ShanghaiJson {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer shanghaiDateTimes() {
        return builder -> builder
                .serializerByType(Instant.class, new ShanghaiSerializer<>(Instant.class) {
                    @Override
                    OffsetDateTime inShanghai(Instant value) {
                        return value.atZone(ShanghaiTime.ZONE).toOffsetDateTime();
                    }
                })
                .serializerByType(OffsetDateTime.class, new ShanghaiSerializer<>(OffsetDateTime.class) {
                    @Override
                    OffsetDateTime inShanghai(OffsetDateTime value) {
                        return value.atZoneSameInstant(ShanghaiTime.ZONE).toOffsetDateTime();
                    }
                })
                .serializerByType(ZonedDateTime.class, new ShanghaiSerializer<>(ZonedDateTime.class) {
                    @Override
                    OffsetDateTime inShanghai(ZonedDateTime value) {
                        return value.withZoneSameInstant(ShanghaiTime.ZONE).toOffsetDateTime();
                    }
                });
    }

    private abstract static class ShanghaiSerializer<T> extends StdSerializer<T> {

        ShanghaiSerializer(Class<T> type) {
            super(type);
        }

        abstract OffsetDateTime inShanghai(T value);

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(FORMAT.format(inShanghai(value)));
        }
    }
}
