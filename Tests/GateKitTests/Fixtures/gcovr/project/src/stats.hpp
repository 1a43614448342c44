#pragma once
#include <vector>

template <typename T>
T clamp_sum(const std::vector<T>& values, T limit) {
    T total = 0;
    for (const T& value : values) {
        if (total + value > limit) {
            return limit;
        }
        total += value;
    }
    return total;
}
