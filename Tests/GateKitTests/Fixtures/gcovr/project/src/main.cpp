#include <cstdio>
#include <vector>
#include "parse.hpp"
#include "stats.hpp"

static int run_int_sums() {
    std::vector<int> small{1, 2, 3};
    return clamp_sum(small, 100);
}

static double run_double_sums(bool enabled) {
    if (!enabled) {
        return 0.0;
    }
    std::vector<double> values{1.5, 2.5};
    return clamp_sum(values, 3.0);
}

int main(int argc, char**) {
    int total = run_int_sums();
    total += static_cast<int>(run_double_sums(argc > 5));
    total += parse_number("42");
    try {
        parse_number("4x");
    } catch (const std::exception&) {
        total += 1;
    }
    std::printf("%d %s\n", total, describe(total % 2));
    return 0;
}
