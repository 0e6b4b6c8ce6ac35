package org.bedsim.report;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a record, and the records, lists, maps, arrays, strings, dates and numbers it holds, as exact bytes, and reads
 * it back through its canonical constructor: a double keeps its exact bits, a map its order. Only what results are made
 * of is supported; anything else is refused with {@link IllegalArgumentException} (so a result that grows a field of a
 * new kind is not kept, rather than kept wrongly). Every reference may be null (one byte says whether it is).
 */
final class RecordCodec {
    private RecordCodec() {
    }

    /** Writes {@code value}, of declared type {@code type}. */
    static void write(DataOutput out, Type type, Object value) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            primitive(out, raw, value);
            return;
        }
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        if (raw == Integer.class || raw == Long.class || raw == Double.class || raw == Boolean.class) {
            primitive(out, unbox(raw), value);
        } else if (raw == String.class) {
            byte[] b = ((String) value).getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        } else if (raw == LocalDate.class) {
            out.writeLong(((LocalDate) value).toEpochDay());
        } else if (raw.isEnum()) {
            out.writeInt(((Enum<?>) value).ordinal());
        } else if (raw == int[].class) {
            int[] a = (int[]) value;
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (raw == long[].class) {
            long[] a = (long[]) value;
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (raw == double[].class) {
            double[] a = (double[]) value;
            out.writeInt(a.length);
            for (double x : a) {
                out.writeLong(Double.doubleToRawLongBits(x));
            }
        } else if (raw == List.class) {
            Type element = argument(type, 0);
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object x : list) {
                write(out, element, x);
            }
        } else if (raw == Map.class) {
            Type key = argument(type, 0);
            Type val = argument(type, 1);
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, key, e.getKey());
                write(out, val, e.getValue());
            }
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                Object v;
                try {
                    c.getAccessor().setAccessible(true);
                    v = c.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("cannot read " + raw.getSimpleName() + "." + c.getName(), e);
                }
                write(out, c.getGenericType(), v);
            }
        } else {
            throw new IllegalArgumentException("cannot keep a " + type.getTypeName());
        }
    }

    /** @return a value of declared type {@code type}, as {@link #write} wrote it */
    static Object read(DataInput in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            return primitive(in, raw);
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (raw == Integer.class || raw == Long.class || raw == Double.class || raw == Boolean.class) {
            return primitive(in, unbox(raw));
        } else if (raw == String.class) {
            byte[] b = new byte[length(in)];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        } else if (raw == LocalDate.class) {
            return LocalDate.ofEpochDay(in.readLong());
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            int i = in.readInt();
            if (i < 0 || i >= constants.length) {
                throw new IOException("no constant " + i + " of " + raw.getSimpleName());
            }
            return constants[i];
        } else if (raw == int[].class) {
            int[] a = new int[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readInt();
            }
            return a;
        } else if (raw == long[].class) {
            long[] a = new long[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readLong();
            }
            return a;
        } else if (raw == double[].class) {
            double[] a = new double[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = Double.longBitsToDouble(in.readLong());
            }
            return a;
        } else if (raw == List.class) {
            Type element = argument(type, 0);
            int n = length(in);
            List<Object> list = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                list.add(read(in, element));
            }
            return list;
        } else if (raw == Map.class) {
            Type key = argument(type, 0);
            Type val = argument(type, 1);
            int n = length(in);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                map.put(read(in, key), read(in, val));
            }
            return map;
        } else if (raw.isRecord()) {
            RecordComponent[] cs = raw.getRecordComponents();
            Class<?>[] types = new Class<?>[cs.length];
            Object[] args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = read(in, cs[i].getGenericType());
            }
            try {
                Constructor<?> c = raw.getDeclaredConstructor(types);
                c.setAccessible(true);
                return c.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IOException("cannot rebuild a " + raw.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("cannot keep a " + type.getTypeName());
    }

    private static int length(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a negative length");
        }
        return n;
    }

    private static void primitive(DataOutput out, Class<?> raw, Object value) throws IOException {
        if (raw == int.class) {
            out.writeInt((Integer) value);
        } else if (raw == long.class) {
            out.writeLong((Long) value);
        } else if (raw == double.class) {
            out.writeLong(Double.doubleToRawLongBits((Double) value));
        } else if (raw == boolean.class) {
            out.writeBoolean((Boolean) value);
        } else {
            throw new IllegalArgumentException("cannot keep a " + raw.getName());
        }
    }

    private static Object primitive(DataInput in, Class<?> raw) throws IOException {
        if (raw == int.class) {
            return in.readInt();
        } else if (raw == long.class) {
            return in.readLong();
        } else if (raw == double.class) {
            return Double.longBitsToDouble(in.readLong());
        } else if (raw == boolean.class) {
            return in.readBoolean();
        }
        throw new IllegalArgumentException("cannot keep a " + raw.getName());
    }

    private static Class<?> unbox(Class<?> boxed) {
        return boxed == Integer.class ? int.class : boxed == Long.class ? long.class
                : boxed == Double.class ? double.class : boolean.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("cannot keep a " + type.getTypeName());
    }

    private static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalArgumentException("cannot keep a " + type.getTypeName() + " without its element types");
    }
}
