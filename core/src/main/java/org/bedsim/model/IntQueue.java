package org.bedsim.model;

import java.util.Arrays;

/** A first-in first-out queue of ints on a growable ring buffer: no allocation per operation once grown. */
final class IntQueue {
    private int[] items = new int[16];
    private int head;
    private int size;

    void add(int value) {
        if (size == items.length) {
            int[] bigger = new int[items.length << 1];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) & (items.length - 1)];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    int peek() {
        return items[head];
    }

    int poll() {
        int value = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return value;
    }

    /** @return the i-th value from the head */
    int get(int i) {
        return items[(head + i) & (items.length - 1)];
    }

    /** Removes the first occurrence of a value, keeping the order of the others; returns false if absent. */
    boolean remove(int value) {
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            if (items[(head + i) & mask] == value) {
                for (int j = i; j < size - 1; j++) {
                    items[(head + j) & mask] = items[(head + j + 1) & mask];
                }
                size--;
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
        head = 0;
    }

    @Override
    public String toString() {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = items[(head + i) & (items.length - 1)];
        }
        return Arrays.toString(out);
    }
}
