/// A value that absorbs another value of the same key.
protocol Combinable: Equatable, Sendable {
    mutating func combine(_ other: Self)
}

/// A map from `UInt32` keys to values, built by appending, cheap whatever order the keys come in.
///
/// Keys usually arrive in ascending order: then a record updates the last entry or appends one. A key out of order
/// is appended too, and the entries are sorted and combined (equal keys merged with ``Combinable/combine(_:)``)
/// once the out-of-order entries have doubled the map — so a report listing lines backwards, or interleaving two
/// runs, costs O(n log n) in all, never a quadratic series of inserts into a sorted array.
struct CompactingMap<Value: Combinable>: Sendable {
    private var keys: [UInt32] = []
    private var values: [Value] = []
    /// How many leading entries are sorted and distinct.
    private var sortedCount = 0

    var isEmpty: Bool { keys.isEmpty }

    /// Combines `value` into the entry of `key`.
    @inline(__always)
    mutating func record(_ key: UInt32, _ value: Value) {
        if let last = keys.last {
            if last == key {
                values[values.count - 1].combine(value)
                return
            }
            if last < key, sortedCount == keys.count {
                keys.append(key)
                values.append(value)
                sortedCount += 1
                return
            }
        } else {
            keys.append(key)
            values.append(value)
            sortedCount = 1
            return
        }
        keys.append(key)
        values.append(value)
        if keys.count - sortedCount > max(64, sortedCount) { compact() }
    }

    /// The entries in key order, equal keys combined.
    var entries: [(key: UInt32, value: Value)] {
        var copy = self
        copy.compact()
        return Array(zip(copy.keys, copy.values))
    }

    /// Sorts the entries and combines equal keys.
    private mutating func compact() {
        guard sortedCount < keys.count else { return }
        let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        var newKeys: [UInt32] = []
        var newValues: [Value] = []
        newKeys.reserveCapacity(keys.count)
        newValues.reserveCapacity(keys.count)
        for index in order {
            if newKeys.last == keys[index] {
                newValues[newValues.count - 1].combine(values[index])
            } else {
                newKeys.append(keys[index])
                newValues.append(values[index])
            }
        }
        keys = newKeys
        values = newValues
        sortedCount = keys.count
    }
}

extension CompactingMap: Equatable {
    static func == (lhs: CompactingMap, rhs: CompactingMap) -> Bool {
        let (left, right) = (lhs.entries, rhs.entries)
        return left.count == right.count && zip(left, right).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
