import Testing
@testable import KPlanCore

/// RFC 6901 pointers to source offsets: the engine's findings know only paths.
@Suite struct PointerResolverTests {
    static let source = bytes("""
    {"a/b": 1, "m~n": [10, {"\\u0078": 20, "x2": 30}], "plain": {"deep": [true]}}
    """)

    static func offset(_ pointer: String) -> Int? {
        let (doc, messages) = JSONParser.parse(source)
        #expect(messages.isEmpty)
        var resolver = PointerResolver(document: doc!)
        return resolver.offset(of: pointer)
    }

    static func at(_ text: String) -> Int {
        let s = String(decoding: source, as: UTF8.self)
        return s.utf8.distance(from: s.utf8.startIndex, to: s.range(of: text)!.lowerBound)
    }

    @Test func tokensAreUnescapedAndKeysComparedAfterTheirOwnEscapes() {
        #expect(Self.offset("") == 0)
        #expect(Self.offset("/a~1b") == Self.at("1,"))
        #expect(Self.offset("/m~0n/0") == Self.at("10"))
        #expect(Self.offset("/m~0n/1/x") == Self.at("20"))
        #expect(Self.offset("/m~0n/1/x2") == Self.at("30"))
        #expect(Self.offset("/plain/deep/0") == Self.at("true"))
    }

    @Test func aPathThatIsNotThereEndsAtItsNearestAncestor() {
        #expect(Self.offset("/plain/missing") == Self.at("{\"deep\""))
        #expect(Self.offset("/m~0n/7") == Self.at("[10"))
        #expect(Self.offset("/m~0n/x") == Self.at("[10"))
        #expect(Self.offset("/a~1b/0") == Self.at("1,"))
        #expect(Self.offset("/x") == 0)
    }
}
