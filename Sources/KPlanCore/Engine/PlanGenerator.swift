/// Builds a valid, realistic synthetic plan of any size for benchmarks and stress tests.
/// The same seed always gives the same plan.
public enum PlanGenerator {
    public static func generate(needs: Int, measures: Int, years: Int, seed: UInt64, catalog: Catalog = .bundled) -> Plan {
        var rng = SplitMix64(seed: seed)
        let from = 2026, to = 2026 + max(1, years) - 1
        var plan = PlanFile.skeleton(municipality: "Syntetisk kommune \(seed)", number: "9999", county: "Testfylke", from: from, to: to)
        plan.owner.name = "Generert plan"
        plan.followUp = FollowUp(reporting: "Årsmelding", revisionDate: "\(from + 1)-10-01")
        plan.decisions = [Decision(id: "V1", kind: "leve-hele-livet", title: "Plan for Leve hele livet", body: "Kommunestyret",
                                   caseNumber: "2021/1", date: "2021-11-18")]
        plan.workingGroup = [Member(name: "Leder", role: "leder", represents: "Kommunalsjef"),
                             Member(name: "Tillitsvalgt", role: "tillitsvalgt", represents: "Fagforbundet"),
                             Member(name: "Verneombud", role: "verneombud", represents: "Hovedverneombud")]
        let occupations = ["sykepleier", "helsefagarbeider", "vernepleier", "spesialsykepleier", "ergoterapeut", "leder"]
        let scale = max(1, needs / 10)
        plan.baseline.workforce = occupations.enumerated().map { i, o in
            Workforce(occupation: o, fte: Hundredths(raw: (40 + 17 * i) * 100 * scale), headcount: (55 + 20 * i) * scale,
                      vacantFte: Hundredths(raw: 250), turnoverPct: Hundredths(raw: 1200), sickLeavePct: Hundredths(raw: 850),
                      partTimePct: Hundredths(raw: 4500))
        }
        plan.baseline.population = (0...10).map { k in
            PopulationYear(year: plan.baseline.year + k, age67to79: (1500 + 20 * k) * scale, age80to89: (560 + 30 * k) * scale,
                           age90plus: (130 + 6 * k) * scale)
        }
        let services = catalog.services.map(\.code)
        let strategies = catalog.strategies.map(\.code).filter { $0 != "avvikle" }
        let areas = ["rekruttere", "brukermedvirkning", "forskning-opplaering", "ledelse"]
        let reforms = ["lhl.helsehjelp", "lhl.sammenheng", "bth.medarbeidere", "bth.trygghet"]
        let words = ["kompetanse", "rekruttering", "demens", "hjemmetjenesten", "sykehjem", "heltid", "veiledning", "fagutvikling",
                     "velferdsteknologi", "rehabilitering", "ernæring", "legemidler", "samhandling", "pårørende"]
        func phrase(_ n: Int) -> String { (0..<n).map { _ in words[rng.below(words.count)] }.joined(separator: " ") }
        plan.needs = (0..<needs).map { i in
            Need(id: "B\(i + 1)", title: "Behov for \(phrase(3)) \(i + 1)", service: services[rng.below(services.count)],
                 occupation: occupations[rng.below(occupations.count)], fte: Hundredths(raw: 50 + 50 * rng.below(6)),
                 year: to, strategy: strategies[rng.below(strategies.count)], k2025: [areas[i % areas.count]],
                 reform: [reforms[rng.below(reforms.count)]], rationale: "Framskriving og kartlegging viser behov for \(phrase(4)).")
        }
        let kinds = ["rekruttering", "heltid", "arbeidsmiljo", "samarbeid"]
        // Every fourth measure is further education with training slots and a post 68 grant,
        // as in the example plan, so the slot, load and grant rules work at every size.
        func trains(_ i: Int) -> Bool { i % 4 == 0 }
        plan.measures = (0..<measures).map { i in
            let linked = needs == 0 ? [] : ["B\(i % needs + 1)"]
            return Measure(id: "T\(i + 1)", title: "Tiltak for \(phrase(3)) \(i + 1)",
                           kind: trains(i) ? "videreutdanning" : kinds[rng.below(kinds.count)],
                           strategy: strategies[rng.below(strategies.count)], needs: linked, k2025: [areas[i % areas.count]],
                           reform: [reforms[rng.below(reforms.count)]], responsible: "Virksomhetsleder \(rng.below(20) + 1)",
                           targetGroup: "Ansatte i \(phrase(1))", goal: "Bedre \(phrase(2))", implementation: "Plan for \(phrase(3))",
                           indicator: "Andel \(phrase(1))", from: "\(from)-01", to: "\(to)-06", status: .planned,
                           fteGain: Hundredths(raw: 300))
        }
        // Two-year programmes, so that the slots deliver their FTE within the period.
        let programmes = [("fagbrev-praksiskandidat", "helsefagarbeider"), ("menn-i-helse", "helsefagarbeider"),
                          ("videreutdanning-geriatri", "spesialsykepleier")]
        plan.trainingSlots = plan.measures.indices.filter(trains).map { i in
            let (programme, qualifies) = programmes[rng.below(programmes.count)]
            return TrainingSlot(id: "U\(i + 1)", measure: plan.measures[i].id, programme: programme, provider: "Høgskole \(rng.below(5) + 1)",
                                qualifies: qualifies, startYear: from, years: 2, participants: 1 + rng.below(3),
                                fteGainEach: Hundredths(raw: 80))
        }
        plan.budget.costs = plan.measures.enumerated().map { i, m in
            var a = YearAmounts()
            for y in from...to { a[y] = 10_000 * (1 + rng.below(20)) }
            return CostLine(id: "K\(i + 1)", measure: m.id, category: trains(i) ? "studieavgift" : "prosjektledelse", amounts: a)
        }
        var own = YearAmounts()
        for c in plan.budget.costs { for e in c.amounts.entries { own.add(e.kroner, in: e.year) } }
        var grants: [FundingLine] = []
        for (i, c) in plan.budget.costs.enumerated() where trains(i) {
            var grant = YearAmounts()
            for e in c.amounts.entries {
                grant[e.year] = e.kroner * 4 / 10
                own[e.year] -= grant[e.year]
            }
            grants.append(FundingLine(id: "F\(grants.count + 2)", source: "post68", measure: c.measure, status: .applied, amounts: grant))
        }
        plan.budget.funding = [FundingLine(id: "F1", source: "egen-ramme", measure: nil, status: .planned, amounts: own)] + grants
        // Waivers, as an adopted plan has them: one for the whole plan and one for an item,
        // whose target the engine must find among every id.
        plan.waivers = [Waiver(rule: "demand-not-covered", target: "", reason: "Veksten dekkes av den regionale rekrutteringsplanen",
                               decidedBy: "Hovedutvalg for helse og omsorg", date: "\(from)-02-01")]
        if let last = plan.measures.last {
            plan.waivers.append(Waiver(rule: "grant-without-own-share", target: last.id, reason: "Egenandelen dekkes av samarbeidskommunen",
                                       decidedBy: "Hovedutvalg for helse og omsorg", date: "\(from)-02-01"))
        }
        return plan
    }
}

/// A small, fast, well-mixed deterministic generator (Steele, Lea, Flood 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
