/// Two-way normalized cut of a small dense similarity graph: the sign of the second
/// eigenvector of D^-1/2 S D^-1/2 (Shi and Malik). Unlike cutting an average-link tree at two,
/// it does not peel off one odd member; it finds the two groups that are each tight.
enum NormalizedCut {
    static let iterations = 300

    /// `sim`: symmetric, zero diagonal. Returns the two sides (either may be empty).
    static func bisect(_ sim: [[Float]]) -> ([Int], [Int]) {
        let n = sim.count
        let degree = sim.map { row in max(row.reduce(0, +), 1e-6) }
        let scale = degree.map { 1 / $0.squareRoot() }
        // The first eigenvector is known (the square roots of the degrees): project it out.
        var first = degree.map { $0.squareRoot() }
        let firstNorm = first.reduce(0) { $0 + $1 * $1 }.squareRoot()
        first = first.map { $0 / firstNorm }
        // A fixed, uneven start keeps the result deterministic.
        var x = (0..<n).map { Float(($0 * 7919) % 13) - 6 }
        for _ in 0..<iterations {
            let dot = zip(x, first).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<n { x[i] -= dot * first[i] }
            // Power iteration on (I + M): the shift keeps every eigenvalue non-negative, so the
            // largest one left after deflation is the one wanted.
            var y = x
            for i in 0..<n {
                var s: Float = 0
                for j in 0..<n where j != i { s += sim[i][j] * scale[j] * x[j] }
                y[i] = s * scale[i] + x[i]
            }
            let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            y = y.map { $0 / norm }
            // Converged: the direction no longer moves.
            let change = zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            x = y
            if change < 1e-10 { break }
        }
        let f = zip(x, scale).map { $0 * $1 }
        return ((0..<n).filter { f[$0] >= 0 }, (0..<n).filter { f[$0] < 0 })
    }
}
