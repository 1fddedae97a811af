import Testing
@testable import KPlanCore

@Suite struct SuggestTests {
    /// Plain optimal string alignment over whole strings, with no bound and no reused rows.
    static func referenceDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    static func referenceClosest(_ word: String, _ candidates: [String]) -> String? {
        let scored = candidates.map { ($0, referenceDistance(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        let limit = max(1, min(3, (word.lowercased().unicodeScalars.count + 2) / 3))
        return best.1 <= limit ? best.0 : nil
    }

    @Test func agreesWithPlainEditDistanceOnRandomWords() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("abAB-1Øø".unicodeScalars)
        func word() -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.below(9) { s.append(alphabet[rng.below(alphabet.count)]) }
            return String(s)
        }
        for _ in 0..<3_000 {
            let candidates = (0..<rng.below(12)).map { _ in word() }
            let w = word()
            #expect(Suggest.closest(to: w, in: candidates) == Self.referenceClosest(w, candidates), "\(w) in \(candidates)")
        }
    }

    @Test func typicalTypos() {
        #expect(Suggest.closest(to: "need-gapp", in: ["need-gap", "need-unaddressed"]) == "need-gap")
        #expect(Suggest.closest(to: "B10", in: ["B01", "B1"]) == "B01", "a swap and a deletion tie; the alphabetically first wins")
        #expect(Suggest.closest(to: "B11", in: ["B1", "C7"]) == "B1")
        #expect(Suggest.closest(to: "ØKONOMI", in: ["økonomi"]) == "økonomi")
        #expect(Suggest.closest(to: "xyz", in: ["B1", "B2"]) == nil)
    }
}
