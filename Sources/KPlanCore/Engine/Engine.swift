/// The planning engine: checks a plan against the KS method, the policy packs it names
/// and its own arithmetic, and works out the figures. Pure: a plan in, a report out.
///
/// Rules and figures read plan items by position, field by field (`plan.measures[i].goal`).
/// `for m in plan.measures` copies each item out, which retains and releases every text it
/// holds, and on a 100 000-measure plan each of those is a cache miss.
public struct Engine: Sendable {
    public let catalog: Catalog
    public let policies: PolicySet

    public init(catalog: Catalog = .bundled, policies: PolicySet = .bundled) {
        self.catalog = catalog
        self.policies = policies
    }

    public func check(_ plan: Plan) -> Report {
        let lookups = RuleLookups(plan)
        // The structure and method rules need no figures, so they run while the figures are
        // computed.
        let (early, figures) = Parallel.both({ () -> Findings in
            var f = Findings()
            let partial = RuleContext(plan: plan, catalog: catalog, policies: policies, lookups: lookups, figures: Figures())
            StructureRules.check(partial, &f)
            MethodRules.check(partial, &f)
            return f
        }, { RuleContext.figures(plan, lookups, catalog: catalog, policies: policies) })
        let context = RuleContext(plan: plan, catalog: catalog, policies: policies, lookups: lookups, figures: figures)
        var findings = early
        FrameworkRules.check(context, &findings)
        BudgetRules.check(context, &findings)
        DemandRules.check(context, &findings)
        let waived = ApprovalRules.applyWaivers(context, findings.items, &findings)
        var all = waived
        all.append(contentsOf: findings.items.filter { f in ApprovalRules.waiverRules.contains(f.rule) })
        var report = Report(findings: all, figures: context.figures)
        let gate = ApprovalRules.statusFindings(context, report)
        report.findings.append(contentsOf: gate)
        return report
    }
}

public struct Report: Sendable, Equatable {
    public var findings: [Finding]
    public var figures: Figures

    public var errors: Int { findings.filter { $0.diagnostic.severity == .error }.count }
    public var openWarnings: Int { findings.filter { $0.diagnostic.severity == .warning && !$0.isWaived }.count }

    /// Findings as diagnostics; waived warnings are shown as notes that name the reason.
    public var diagnostics: [Diagnostic] {
        findings.map { f in
            guard let reason = f.waivedBecause else { return f.diagnostic }
            var d = f.diagnostic
            d.severity = .note
            d.message += " " + Text.get("finding.waived", Sanitize.inline(reason))
            return d
        }
    }
}

/// Everything a rule may look at, with the lookups computed once.
struct RuleContext {
    let plan: Plan
    let catalog: Catalog
    let policies: PolicySet
    let lookups: RuleLookups
    let figures: Figures
    /// The packs the plan names, in its order.
    let named: [PolicyPack]

    init(plan: Plan, catalog: Catalog, policies: PolicySet, lookups: RuleLookups, figures: Figures) {
        self.plan = plan
        self.catalog = catalog
        self.policies = policies
        self.lookups = lookups
        named = Self.named(plan, policies)
        self.figures = figures
    }

    static func named(_ plan: Plan, _ policies: PolicySet) -> [PolicyPack] { plan.policies.compactMap { policies.pack($0) } }

    static func figures(_ plan: Plan, _ lookups: RuleLookups, catalog: Catalog, policies: PolicySet) -> Figures {
        let named = named(plan, policies)
        let excluded = Set(named.flatMap(\.rules.demandExcludedOccupations))
        let grantSource = named.compactMap(\.rules.grant).first?.fundingSource
        return Figures(demand: Projections.demand(plan, excluded: excluded),
                       gaps: Projections.gaps(plan, lookups),
                       budget: Projections.budget(plan, sources: catalog.fundingSources.map(\.code), grantSource: grantSource),
                       load: Projections.load(plan, catalog: catalog),
                       coverage: Projections.coverage(plan, policies: policies))
    }

    var grants: [GrantRules] { named.compactMap(\.rules.grant) }
}
