package dev.switchboard.sandbox.kit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of a record with some components changed. Settings, tenants and scenarios are records with
 * many optional components; their {@code withX} methods and the per-request scenario override go
 * through here, so no method lists every component by position and adding a component touches only
 * the record. The copy runs the canonical constructor, so the record's checks still apply.
 */
public final class Records {
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return new Shape(type);
        }
      };

  private Records() {}

  /**
   * {@code record} with component {@code name} set to {@code value}.
   *
   * @throws IllegalArgumentException if the record has no such component, or the constructor
   *     refuses the value
   */
  public static <R extends Record> R with(R record, String name, Object value) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] values = shape.values(record);
    values[shape.indexOf(name)] = value;
    return shape.create(record, values);
  }

  /** {@code base} with every non-null component of {@code override} taking its place. */
  public static <R extends Record> R overlay(R base, R override) {
    if (override == null) return base;
    Shape shape = SHAPES.get(base.getClass());
    Object[] values = shape.values(base);
    Object[] over = shape.values(override);
    for (int i = 0; i < values.length; i++) {
      if (over[i] != null) values[i] = over[i];
    }
    return shape.create(base, values);
  }

  /** A record type's accessors and canonical constructor, looked up once per type. */
  private static final class Shape {
    private final Method[] accessors;
    private final Constructor<?> constructor;
    private final Map<String, Integer> index = new HashMap<>();

    Shape(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null) throw new IllegalArgumentException(type + " is not a record");
      accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getType();
        index.put(components[i].getName(), i);
      }
      try {
        constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type, e);
      }
    }

    int indexOf(String name) {
      Integer i = index.get(name);
      if (i == null) {
        throw new IllegalArgumentException(
            constructor.getDeclaringClass().getSimpleName() + " has no component " + name);
      }
      return i;
    }

    Object[] values(Object record) {
      Object[] values = new Object[accessors.length];
      try {
        for (int i = 0; i < accessors.length; i++) values[i] = accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
      return values;
    }

    @SuppressWarnings("unchecked")
    <R> R create(R like, Object[] values) {
      try {
        return (R) constructor.newInstance(values);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        throw new IllegalStateException(e.getCause());
      } catch (InstantiationException | IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "cannot build "
                + like.getClass().getSimpleName()
                + " from "
                + Arrays.toString(values)
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }
}
