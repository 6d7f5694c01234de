package app.carryover.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Leaves {@link ClinicianOnly} fields out of every JSON response to a client, whatever the
 * service filled in: the last fence, so a mistake upstream cannot leak clinician material.
 */
@Configuration(proxyBeanMethods = false)
class ClinicianOnlyJson {

    @Bean
    JacksonModule clinicianOnlyModule() {
        SimpleModule module = new SimpleModule("carryover-clinician-only");
        module.setSerializerModifier(new ValueSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier bean,
                    List<BeanPropertyWriter> properties) {
                List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
                for (BeanPropertyWriter writer : properties) {
                    changed.add(isClinicianOnly(writer) ? new HiddenFromClients(writer) : writer);
                }
                return changed;
            }
        });
        return module;
    }

    private static boolean isClinicianOnly(BeanPropertyWriter writer) {
        if (writer.getAnnotation(ClinicianOnly.class) != null) {
            return true;
        }
        // Records carry the annotation on the component, which Jackson may see on the field only.
        Class<?> owner = writer.getMember() == null ? null : writer.getMember().getDeclaringClass();
        if (owner != null && owner.isRecord()) {
            for (var component : owner.getRecordComponents()) {
                if (component.getName().equals(writer.getName()) && component.isAnnotationPresent(ClinicianOnly.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Writes the property for staff, and nothing at all for a client. */
    private static final class HiddenFromClients extends BeanPropertyWriter {

        HiddenFromClients(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
            Actor actor = AccessInterceptor.currentActor();
            if (actor == null || actor.isClient()) {
                return;
            }
            super.serializeAsProperty(bean, gen, ctxt);
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
            Actor actor = AccessInterceptor.currentActor();
            if (actor == null || actor.isClient()) {
                gen.writeNull();
                return;
            }
            super.serializeAsElement(bean, gen, ctxt);
        }
    }
}
