import Foundation

/// A policy pack: a national framework, reform or grant scheme as data, so that a
/// Statsforvalter can publish a new year's rules without a new kplan.
public struct PolicyPack: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case strategy, reform, grant }

    public var id: String
    public var title: String
    public var kind: Kind
    public var sources: [String]
    public var areas: [CatalogEntry]
    public var rules: PolicyRules
}

public struct PolicyRules: Sendable, Equatable {
    /// Every area must be answered by at least one measure.
    public var requireAllAreas: Bool
    /// The decision kind the reform's plan requirement asks for (e.g. a Leve hele livet plan).
    public var planDecisionKind: String?
    /// Warn when declared needs cover less than this share of projected demand growth.
    public var demandCoverageMinPct: Hundredths?
    /// Growth below this many FTE is too small to warn about.
    public var demandMinGrowthFte: Hundredths?
    /// Occupations the plan means to shrink or not educate (assistants, a closed trade).
    public var demandExcludedOccupations: [String]
    /// Warn when more than this share of an occupation's FTE is in education at once.
    public var educationLoadMaxPct: Hundredths?
    public var grant: GrantRules?
}

public struct GrantRules: Sendable, Equatable {
    public var fundingSource: String
    public var year: Int
    public var eligibleMeasureKinds: [String]
    public var eligibleCostCategories: [String]
    /// Decisions that must exist before the grant may pay for activity that has not started.
    public var requiredDecisionKinds: [String]
    /// Minimum own share (egenandel) of a funded measure's cost, in percent; 0 means "some".
    public var ownShareMinPct: Hundredths
    public var developmentProjectKinds: [String]
    public var maxDevelopmentProjects: Int
    /// Grants at or above this need an auditor's confirmation in the report.
    public var auditorThreshold: Int
    public var applicationDeadline: String
    public var reportDeadline: String
}

public enum PolicyPackDecoder {
    static let root = ObjectSchema("policy-pakke", keys: ["format", "id", "title", "kind", "sources", "areas", "rules"])
    static let area = ObjectSchema("område", keys: ["code", "title"])
    static let rules = ObjectSchema("regler", keys: ["requireAllAreas", "planDecisionKind", "demandCoverageMinPct", "demandMinGrowthFte",
                                                             "demandExcludedOccupations", "educationLoadMaxPct", "grant"])
    static let grant = ObjectSchema("tilskuddsregler", keys: ["fundingSource", "year", "eligibleMeasureKinds", "eligibleCostCategories",
                                                             "requiredDecisionKinds", "ownShareMinPct", "developmentProjectKinds",
                                                             "maxDevelopmentProjects", "auditorThreshold", "applicationDeadline", "reportDeadline"])
    public static let format = "kplan-policy/1"

    public static func decode(_ bytes: [UInt8], catalog: Catalog = .bundled) -> (PolicyPack?, [Diagnostic]) {
        let (doc, syntax) = JSONParser.parse(bytes)
        guard let doc else { return (nil, syntax) }
        var ctx = DecodeContext(document: doc)
        guard let f = ctx.fields(doc.root, root) else { return (nil, syntax + ctx.diagnostics) }
        if let n = f[0], let s = ctx.at("format", { $0.string(n) }), s != format {
            ctx.at("format") { $0.error("unsupported-format", n, "decode.policy-format", Sanitize.inline(s), format) }
        }
        let id = f[1].flatMap { n in ctx.at("id") { $0.string(n) } } ?? ""
        let title = f[2].flatMap { n in ctx.at("title") { $0.string(n) } } ?? ""
        let kind = f[3].flatMap { n in
            ctx.at("kind") { ctx -> PolicyPack.Kind? in
                guard let s = ctx.code(n, CodeList(Text.get("code.policy-kind"), PolicyPack.Kind.allCases.map(\.rawValue))) else { return nil }
                return PolicyPack.Kind(rawValue: s)
            }
        } ?? .reform
        let sources = f[4].map { n in ctx.at("sources") { $0.array(n) { $0.string($1) } } } ?? []
        let areas = f[5].map { n in
            ctx.at("areas") { ctx in
                ctx.array(n) { ctx, a -> CatalogEntry? in
                    guard let e = ctx.fields(a, area) else { return nil }
                    return CatalogEntry(code: e[0].flatMap { n in ctx.at("code") { $0.string(n) } } ?? "",
                                        title: e[1].flatMap { n in ctx.at("title") { $0.string(n) } } ?? "", source: nil)
                }
            }
        } ?? []
        var packRules = PolicyRules(requireAllAreas: false, planDecisionKind: nil, demandCoverageMinPct: nil, demandMinGrowthFte: nil,
                                    demandExcludedOccupations: [], educationLoadMaxPct: nil, grant: nil)
        if let n = f[6] {
            ctx.at("rules") { ctx in
                guard let r = ctx.fields(n, rules) else { return }
                packRules.requireAllAreas = r[0].flatMap { n in ctx.at("requireAllAreas") { $0.bool(n) } } ?? false
                packRules.planDecisionKind = r[1].flatMap { n in
                    ctx.at("planDecisionKind") { ctx -> String? in
                        guard let s = ctx.optionalString(n) ?? nil else { return nil }
                        ctx.checkCode(s, n, catalog.decisionKindCodes)
                        return s
                    }
                }
                packRules.demandCoverageMinPct = r[2].flatMap { n in ctx.at("demandCoverageMinPct") { ctx in optionalHundredths(&ctx, n) } }
                packRules.demandMinGrowthFte = r[3].flatMap { n in ctx.at("demandMinGrowthFte") { ctx in optionalHundredths(&ctx, n) } }
                packRules.demandExcludedOccupations = r[4].map { n in
                    ctx.at("demandExcludedOccupations") { $0.array(n) { $0.code($1, catalog.occupationCodes) } }
                } ?? []
                packRules.educationLoadMaxPct = r[5].flatMap { n in ctx.at("educationLoadMaxPct") { ctx in optionalHundredths(&ctx, n) } }
                if let g = r[6], doc.node(g).kind != .null {
                    packRules.grant = ctx.at("grant") { decodeGrant(&$0, g, catalog) }
                }
            }
        }
        let pack = PolicyPack(id: id, title: title, kind: kind, sources: sources, areas: areas, rules: packRules)
        return (pack, syntax + ctx.diagnostics)
    }

    static func optionalHundredths(_ ctx: inout DecodeContext, _ n: Int32) -> Hundredths? {
        if ctx.document.node(n).kind == .null { return nil }
        return ctx.hundredths(n)
    }

    static func decodeGrant(_ ctx: inout DecodeContext, _ node: Int32, _ catalog: Catalog) -> GrantRules? {
        guard let g = ctx.fields(node, grant) else { return nil }
        func codes(_ ctx: inout DecodeContext, _ i: Int, _ list: CodeList) -> [String] {
            guard let n = g[i] else { return [] }
            return ctx.at(grant.keys[i]) { $0.array(n) { $0.code($1, list) } }
        }
        func int(_ ctx: inout DecodeContext, _ i: Int) -> Int { g[i].flatMap { n in ctx.at(grant.keys[i]) { $0.int(n) } } ?? 0 }
        func date(_ ctx: inout DecodeContext, _ i: Int) -> String {
            guard let n = g[i], let s = ctx.at(grant.keys[i], { $0.string(n) }) else { return "" }
            if !ISODate.isValid(s) { ctx.at(grant.keys[i]) { $0.error("invalid-date", n, "decode.invalid-date", Sanitize.inline(s)) } }
            return s
        }
        return GrantRules(
            fundingSource: g[0].flatMap { n in ctx.at("fundingSource") { $0.code(n, catalog.fundingSourceCodes) } } ?? "",
            year: int(&ctx, 1),
            eligibleMeasureKinds: codes(&ctx, 2, catalog.measureKindCodes),
            eligibleCostCategories: codes(&ctx, 3, catalog.costCategoryCodes),
            requiredDecisionKinds: codes(&ctx, 4, catalog.decisionKindCodes),
            ownShareMinPct: g[5].flatMap { n in ctx.at("ownShareMinPct") { $0.hundredths(n) } } ?? .zero,
            developmentProjectKinds: codes(&ctx, 6, catalog.measureKindCodes),
            maxDevelopmentProjects: int(&ctx, 7),
            auditorThreshold: int(&ctx, 8),
            applicationDeadline: date(&ctx, 9),
            reportDeadline: date(&ctx, 10))
    }
}

/// The packs a plan is checked against: the bundled ones plus any given with `--policy`.
public struct PolicySet: Sendable {
    public var packs: [PolicyPack]

    public static let bundledIDs = ["k2025", "leve-hele-livet", "bo-trygt-hjemme", "post68-2026"]

    public static let bundled: PolicySet = {
        PolicySet(packs: bundledIDs.map { id in
            let (pack, diagnostics) = PolicyPackDecoder.decode(Resources.bytes("policies/" + id) ?? [])
            guard let pack, diagnostics.isEmpty else {
                preconditionFailure("bundled policy pack \(id) is invalid: \(diagnostics.map(\.message))")
            }
            return pack
        })
    }()

    public init(packs: [PolicyPack]) { self.packs = packs }

    /// A pack given later replaces a bundled one with the same id.
    public func adding(_ pack: PolicyPack) -> PolicySet {
        var copy = self
        copy.packs.removeAll { $0.id == pack.id }
        copy.packs.append(pack)
        return copy
    }

    public func pack(_ id: String) -> PolicyPack? { packs.first { $0.id == id } }

    public var k2025Areas: [CatalogEntry] { packs.filter { $0.kind == .strategy }.flatMap(\.areas) }
    public var reformAreas: [CatalogEntry] { packs.filter { $0.kind == .reform }.flatMap(\.areas) }

    public var policyCodes: CodeList { CodeList(Text.get("code.policy"), packs.map(\.id)) }
    public var k2025Codes: CodeList { CodeList(Text.get("code.k2025"), k2025Areas.map(\.code)) }
    public var reformCodes: CodeList { CodeList(Text.get("code.reform"), reformAreas.map(\.code)) }

    public func areaTitle(_ code: String) -> String {
        packs.lazy.flatMap(\.areas).first { $0.code == code }?.title ?? code
    }
}
