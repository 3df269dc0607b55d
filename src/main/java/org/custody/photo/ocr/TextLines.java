package org.custody.photo.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custody.photo.Region;

/**
 * Where the writing is in a binarised picture (black ink on white), before any reader looks at it: the ink's
 * connected components that are shaped like letters (or like the pieces a stencil's bridges cut a letter into),
 * chained into rows of neighbours of similar height whose centres lie on one line. A row of at least
 * {@link #MIN_PARTS} such components is a text line; lines are returned most prominent first (most letter-sized
 * parts times their height), so that a large painted serial comes before a small stencilled notice and before a
 * chance row of texture.
 */
public final class TextLines {

    /** The fewest letter-shaped components a row needs to count as a line of writing. */
    public static final int MIN_PARTS = 4;

    /** One line of writing: its box in the binarised image, the height of its letters and how many parts it has. */
    public record Line(Region box, int letterHeight, int parts) {}

    private record Part(int x0, int y0, int x1, int y1, int pixels) {
        int w() { return x1 - x0 + 1; }
        int h() { return y1 - y0 + 1; }
        double cy() { return (y0 + y1) / 2.0; }
    }

    private TextLines() {}

    /** The lines of writing of a binarised image, at most {@code max}, most prominent first. */
    public static List<Line> find(int[] ink, int w, int h, int max) {
        List<Part> parts = components(ink, w, h);
        int minH = Math.max(8, h / 60), maxH = Math.max(minH + 1, h / 3);
        List<Part> letters = new ArrayList<>();
        for (Part p : parts) {
            if (p.h() < minH / 2 || p.h() > maxH || p.w() > w / 3 || p.w() > 4 * p.h() + 4) continue;
            double fill = p.pixels() / (double) (p.w() * p.h());
            if (fill < 0.08 || fill > 0.97) continue;
            if (p.pixels() < 12) continue;
            letters.add(p);
        }
        if (letters.size() > 4000) {
            letters.sort(Comparator.comparingInt(Part::pixels).reversed());
            letters = new ArrayList<>(letters.subList(0, 4000));
        }
        letters.sort(Comparator.comparingInt(Part::x0));
        int n = letters.size();
        int tallest = letters.stream().mapToInt(Part::h).max().orElse(0);
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            Part a = letters.get(i);
            for (int j = i + 1; j < n; j++) {
                Part b = letters.get(j);
                int big = Math.max(a.h(), b.h());
                if (b.x0() - a.x1() > 1.5 * tallest) break;      // sorted by x0: nothing further right is near a
                if (b.x0() - a.x1() > 1.5 * big) continue;
                if (a.h() < minH && b.h() < minH) continue;         // two fragments alone do not make a line
                if (Math.abs(a.cy() - b.cy()) > 0.6 * big) continue;
                if (Math.max(a.h(), b.h()) > 3.5 * Math.min(a.h(), b.h())) continue;
                parent[find(parent, i)] = find(parent, j);
            }
        }
        List<List<Part>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (groupOf[r] < 0) {
                groupOf[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[r]).add(letters.get(i));
        }
        List<Line> lines = new ArrayList<>();
        for (List<Part> g : groups) {
            int full = 0;
            int[] heights = g.stream().mapToInt(Part::h).sorted().toArray();
            int letterHeight = heights[(int) Math.floor(heights.length * 0.8)];
            if (letterHeight < minH) continue;
            for (Part p : g) if (p.h() >= letterHeight / 2) full++;
            if (full < MIN_PARTS) continue;
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            for (Part p : g) {
                x0 = Math.min(x0, p.x0());
                y0 = Math.min(y0, p.y0());
                x1 = Math.max(x1, p.x1());
                y1 = Math.max(y1, p.y1());
            }
            lines.add(new Line(new Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1), letterHeight, full));
        }
        lines.sort(Comparator.comparingLong((Line l) -> (long) l.parts() * l.letterHeight()).reversed());
        return List.copyOf(lines.subList(0, Math.min(max, lines.size())));
    }

    /** Eight-connected components of the ink, each with its bounding box and pixel count. */
    private static List<Part> components(int[] ink, int w, int h) {
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<Part> out = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < ink.length; start++) {
            if (ink[start] == 0 || label[start] != 0) continue;
            next++;
            int top = 0, x0 = w, y0 = h, x1 = -1, y1 = -1, count = 0;
            stack[top++] = start;
            label[start] = next;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w, y = p / w;
                count++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w) continue;
                        int q = ny * w + nx;
                        if (ink[q] != 0 && label[q] == 0) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            out.add(new Part(x0, y0, x1, y1, count));
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
