import Foundation
import Testing
@testable import KPlanCore

/// Shapes no planner writes but a bad merge, a script or an attacker can: each once took
/// quadratic time (19 s, 35 s, 5 s on files jq reads in 0,05 s). The bounds are generous
/// for a debug build under a sanitizer; the quadratic versions missed them by minutes.
@Suite struct HostileShapeTests {
    static func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func object(_ keys: [String]) -> [UInt8] {
        bytes("{\n" + keys.enumerated().map { "  \"\($0.element)\": \($0.offset)" }.joined(separator: ",\n") + "\n}\n")
    }

    @Test func anObjectWithAHundredThousandKeysIsCheckedForDuplicatesInLinearTime() {
        let source = Self.object((0..<100_000).map { "k\($0)" })
        var messages: [Diagnostic] = []
        let time = Self.seconds { messages = JSONParser.parse(source).1 }
        #expect(messages.isEmpty)
        #expect(time < 10, "took \(time) s")
    }

    @Test func duplicatesAreFoundBeforeAndAfterTheKeyTableTakesOver() throws {
        var keys = (0..<40).map { "k\($0)" }
        keys.append("k5")               // the 41st key: found through the table
        keys.insert("k1", at: 10)       // the 11th: found through the fingerprints
        keys.append("\\u006b39")        // escaped "k39"
        keys.append("\\u00e9")          // "é", escaped
        keys.append("é")                // the same bytes, so a duplicate
        keys.append("e\\u0301")         // e + combining accent: other bytes, another key
        let source = Self.object(keys)
        let (_, messages) = JSONParser.parse(source)
        let at = located(messages, in: source)
        #expect(at.map(\.line) == [12, 43, 44, 46])
        #expect(at.allSatisfy { $0.id == "duplicate-key" && $0.column == 3 })
        #expect(messages.map(\.message) == ["nøkkelen «k1» står to ganger i samme objekt", "nøkkelen «k5» står to ganger i samme objekt",
                                            "nøkkelen «\\u006b39» står to ganger i samme objekt", "nøkkelen «é» står to ganger i samme objekt"])
        #expect(messages.map(\.help) == ["første forekomst står på linje 3; fjern den ene", "første forekomst står på linje 7; fjern den ene",
                                         "første forekomst står på linje 42; fjern den ene", "første forekomst står på linje 45; fjern den ene"])
    }

    @Test func fiftyThousandDuplicateKeysStopAtTheMessageLimitWithoutSlowingDown() {
        let source = Self.object((0..<100_000).map { "k\($0 % 50_000)" })
        var messages: [Diagnostic] = []
        let time = Self.seconds { messages = JSONParser.parse(source).1 }
        #expect(messages.count == JSONParser.maxDiagnostics + 1)
        #expect(messages.last?.id == "too-many-errors")
        #expect(time < 10, "took \(time) s")
    }
}
