/* Workload for typed accesses in user probes, built with -g. It links three points
 * into a list, point i (1..3) holding x = i, name "one"/"two"/"three", inner->y =
 * 10 * i with inner->label "L<i>", nested.y = 100 * i with nested.label "N<i>",
 * arr[k] = 10 * i + k, color RED/GREEN/BLUE (0, 5, 6) and score 1000 * i. Then:
 * visit(point i, i - 1) for each point, walk(head) (returns 3), find(head, 2)
 * (returns point 2), paint(point 3, BLUE), many(1, ..., 8) (returns 36: the 7th and
 * 8th arguments travel on the stack) and by_value({7, 8, 9}, 4) (returns 28: the
 * struct travels on the stack), in that order. Its report goes to stderr. */
#include <stdio.h>
#include <string.h>

enum color { RED, GREEN = 5, BLUE };
typedef long score_t;

struct inner {
    int y;
    const char *label;
};

struct point {
    int x;
    char name[8];
    struct inner *inner;
    struct inner nested;
    int arr[4];
    enum color color;
    score_t score;
    struct point *next;
};

struct big {
    long a, b, c;
};

__attribute__((noinline)) int visit(struct point *p, int depth) {
    return p->x + depth;
}

__attribute__((noinline)) int walk(struct point *head) {
    int n = 0;
    for (struct point *p = head; p; p = p->next)
        n++;
    return n;
}

__attribute__((noinline)) struct point *find(struct point *head, int x) {
    for (struct point *p = head; p; p = p->next)
        if (p->x == x)
            return p;
    return NULL;
}

__attribute__((noinline)) enum color paint(struct point *p, enum color c) {
    enum color old = p->color;
    p->color = c;
    return old;
}

__attribute__((noinline)) long many(long a1, long a2, long a3, long a4, long a5, long a6,
                                    long a7, long a8) {
    return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8;
}

__attribute__((noinline)) long by_value(struct big b, int k) {
    return b.a + b.b + b.c + k;
}

int main(void) {
    static const char *names[] = {"one", "two", "three"};
    static const char *labels[] = {"L1", "L2", "L3"};
    static const char *nested_labels[] = {"N1", "N2", "N3"};
    static const enum color colors[] = {RED, GREEN, BLUE};
    struct inner inners[3];
    struct point pts[3];
    memset(pts, 0, sizeof pts);
    for (int i = 0; i < 3; i++) {
        int n = i + 1;
        inners[i].y = 10 * n;
        inners[i].label = labels[i];
        pts[i].x = n;
        strcpy(pts[i].name, names[i]);
        pts[i].inner = &inners[i];
        pts[i].nested.y = 100 * n;
        pts[i].nested.label = nested_labels[i];
        for (int k = 0; k < 4; k++)
            pts[i].arr[k] = 10 * n + k;
        pts[i].color = colors[i];
        pts[i].score = 1000 * n;
        pts[i].next = i < 2 ? &pts[i + 1] : NULL;
    }
    /* The labels' page is read here, so probes can read it (a probe cannot fault a page
     * in). */
    size_t label_bytes = 0;
    for (int i = 0; i < 3; i++)
        label_bytes += strlen(labels[i]) + strlen(nested_labels[i]);
    int sum = 0;
    for (int i = 0; i < 3; i++)
        sum += visit(&pts[i], i);
    int count = walk(&pts[0]);
    int found = find(&pts[0], 2)->x;
    int old = (int)paint(&pts[2], BLUE);
    long total = many(1, 2, 3, 4, 5, 6, 7, 8);
    struct big b = {7, 8, 9};
    long whole = by_value(b, 4);
    fprintf(stderr, "labels %zu visit %d walk %d find %d paint %d many %ld by_value %ld\n",
            label_bytes, sum, count, found, old, total, whole);
    return 0;
}
