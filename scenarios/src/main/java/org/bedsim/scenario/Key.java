package org.bedsim.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one key of a scenario file on the record component that binds it: what it means, whether it is
 * required, its documented default, and the bounds of its value. One description serves three readers: the
 * {@link StructureChecker} (which reports every violation with its location), the {@link SchemaGenerator} (which
 * writes the JSON Schema editors use) and people reading the records.
 *
 * <p>Numeric bounds apply to a number, or to each number of a list or map of numbers. {@link #pattern()} applies to
 * a text value, or to each text of a list; {@link #keyPattern()} to the keys of a map.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {
    /** Lower-case letters, digits and dashes, starting with a letter or digit: ids used in paths and file names. */
    String NAME = "^[a-z0-9][a-z0-9-]{0,62}$";

    /** @return what the key means, with its unit */
    String doc();

    /** @return false if the key may be left out */
    boolean required() default true;

    /** @return for an optional key: the documented default, as JSON text (empty: none, absence has a meaning) */
    String defaultValue() default "";

    /** @return smallest allowed number */
    double min() default Double.NEGATIVE_INFINITY;

    /** @return true if {@link #min()} itself is not allowed */
    boolean minExclusive() default false;

    /** @return largest allowed number */
    double max() default Double.POSITIVE_INFINITY;

    /** @return true if {@link #max()} itself is not allowed */
    boolean maxExclusive() default false;

    /** @return regular expression a text value must match (empty: any text) */
    String pattern() default "";

    /** @return regular expression every key of a map must match (empty: any key) */
    String keyPattern() default "";

    /** @return fewest items of a list or entries of a map */
    int minItems() default 0;

    /** @return most items of a list or entries of a map */
    int maxItems() default Integer.MAX_VALUE;
}
