import Foundation

public struct CatalogEntry: Sendable, Equatable {
    public var code: String
    public var title: String
    public var source: String?
}

extension [CatalogEntry] {
    /// The title of the entry with this code, or the code itself when the list has none.
    /// (Reading the list through a key path copied the whole catalog on every call.)
    public func title(_ code: String) -> String {
        first { $0.code == code }?.title ?? code
    }
}

public struct Programme: Sendable, Equatable {
    public var code: String
    public var title: String
    public var credits: Int
    public var years: Int
    public var qualifies: String?
    /// The occupation participants usually come from (their absence needs a substitute).
    public var from: String?
    /// Share of a work year a participant is away while studying, in percent.
    public var absencePct: Hundredths
    public var source: String?
}

/// The bundled code lists (occupations, programmes, strategies …), with Norwegian titles
/// and, where there is one, the public source each entry comes from.
public struct Catalog: Sendable {
    public var occupations: [CatalogEntry]
    public var programmes: [Programme]
    public var strategies: [CatalogEntry]
    public var measureKinds: [CatalogEntry]
    public var costCategories: [CatalogEntry]
    public var fundingSources: [CatalogEntry]
    public var decisionKinds: [CatalogEntry]
    public var services: [CatalogEntry]
    public var memberRoles: [CatalogEntry]

    public static let bundled: Catalog = {
        let bytes = Resources.bytes("catalog")!
        let (catalog, diagnostics) = CatalogDecoder.decode(bytes)
        guard let catalog, diagnostics.isEmpty else {
            preconditionFailure("bundled catalog.json is invalid: \(diagnostics.map(\.message))")
        }
        return catalog
    }()

    public func programme(_ code: String) -> Programme? { programmes.first { $0.code == code } }

    public var occupationCodes: CodeList { CodeList(Text.get("code.occupation"), occupations.map(\.code)) }
    public var programmeCodes: CodeList { CodeList(Text.get("code.programme"), programmes.map(\.code)) }
    public var strategyCodes: CodeList { CodeList(Text.get("code.strategy"), strategies.map(\.code)) }
    public var measureKindCodes: CodeList { CodeList(Text.get("code.measure-kind"), measureKinds.map(\.code)) }
    public var costCategoryCodes: CodeList { CodeList(Text.get("code.cost-category"), costCategories.map(\.code)) }
    public var fundingSourceCodes: CodeList { CodeList(Text.get("code.funding-source"), fundingSources.map(\.code)) }
    public var decisionKindCodes: CodeList { CodeList(Text.get("code.decision-kind"), decisionKinds.map(\.code)) }
    public var serviceCodes: CodeList { CodeList(Text.get("code.service"), services.map(\.code)) }
    public var memberRoleCodes: CodeList { CodeList(Text.get("code.member-role"), memberRoles.map(\.code)) }
}

/// The catalog, policy packs and string tables, compiled into the binary (Package.swift:
/// embedInCode): kplan runs from wherever it is copied, and a process does not look for a
/// resource folder, which took six directory probes per file through Bundle.
enum Resources {
    static let files: [String: [UInt8]] = [
        "catalog": PackageResources.catalog_json,
        "strings/nb": PackageResources.nb_json,
        "policies/k2025": PackageResources.k2025_json,
        "policies/leve-hele-livet": PackageResources.leve_hele_livet_json,
        "policies/bo-trygt-hjemme": PackageResources.bo_trygt_hjemme_json,
        "policies/post68-2026": PackageResources.post68_2026_json,
    ]

    /// `name` without its .json ending, e.g. "policies/k2025".
    static func bytes(_ name: String) -> [UInt8]? { files[name] }
}

enum CatalogDecoder {
    static let root = ObjectSchema("katalog", keys: ["format", "occupations", "programmes", "strategies", "measureKinds",
                                                    "costCategories", "fundingSources", "decisionKinds", "services", "memberRoles"])
    static let entry = ObjectSchema("katalogoppføring", keys: ["code", "title", "source"])
    static let programme = ObjectSchema("utdanningsprogram", keys: ["code", "title", "credits", "years", "qualifies", "from", "absencePct", "source"])

    static func decode(_ bytes: [UInt8]) -> (Catalog?, [Diagnostic]) {
        let (doc, syntax) = JSONParser.parse(bytes)
        guard let doc else { return (nil, syntax) }
        var ctx = DecodeContext(document: doc)
        guard let f = ctx.fields(doc.root, root) else { return (nil, syntax + ctx.diagnostics) }
        func entries(_ ctx: inout DecodeContext, _ i: Int) -> [CatalogEntry] {
            guard let node = f[i] else { return [] }
            return ctx.at(root.keys[i]) { ctx in
                ctx.array(node) { ctx, n in
                    guard let e = ctx.fields(n, entry) else { return nil }
                    return CatalogEntry(code: e[0].flatMap { ctx.string($0) } ?? "", title: e[1].flatMap { ctx.string($0) } ?? "",
                                        source: e[2].flatMap { ctx.optionalString($0) } ?? nil)
                }
            }
        }
        let programmes: [Programme] = f[2].map { node in
            ctx.at("programmes") { ctx in
                ctx.array(node) { ctx, n in
                    guard let e = ctx.fields(n, programme) else { return nil }
                    return Programme(code: e[0].flatMap { ctx.string($0) } ?? "", title: e[1].flatMap { ctx.string($0) } ?? "",
                                     credits: e[2].flatMap { ctx.int($0) } ?? 0, years: e[3].flatMap { ctx.int($0) } ?? 1,
                                     qualifies: e[4].flatMap { ctx.optionalString($0) } ?? nil,
                                     from: e[5].flatMap { ctx.optionalString($0) } ?? nil,
                                     absencePct: e[6].flatMap { ctx.hundredths($0) } ?? .zero,
                                     source: e[7].flatMap { ctx.optionalString($0) } ?? nil)
                }
            }
        } ?? []
        let catalog = Catalog(occupations: entries(&ctx, 1), programmes: programmes, strategies: entries(&ctx, 3),
                              measureKinds: entries(&ctx, 4), costCategories: entries(&ctx, 5), fundingSources: entries(&ctx, 6),
                              decisionKinds: entries(&ctx, 7), services: entries(&ctx, 8), memberRoles: entries(&ctx, 9))
        return (catalog, syntax + ctx.diagnostics)
    }
}
