import Testing
@testable import KPlanCore

/// Semantic diffs of pairs of plans: add, remove, change, move and budget per year.
@Suite struct PlanDiffTests {
    let base = Sample.plan

    func lines(_ change: (inout Plan) -> Void) -> [String] {
        var b = base
        change(&b)
        return PlanDiffer.diff(base, b).changes.map(\.line)
    }

    @Test func noChangesIsEmpty() {
        let d = PlanDiffer.diff(base, base)
        #expect(d.isEmpty)
        #expect(d.text == "0 endringer: 0 lagt til, 0 fjernet, 0 endret, 0 flyttet\n")
    }

    @Test func addedAndRemovedItems() {
        #expect(lines { $0.needs.append(Need(id: "B2", title: "Vernepleiere", service: "habilitering", occupation: "vernepleier",
                                              fte: Hundredths(2), year: 2029, strategy: "anskaffe")) }
                == ["+ Behov B2 «Vernepleiere»: lagt til"])
        #expect(lines { $0.measures.removeLast() } == ["- Tiltak T4 «Tiltak 4»: fjernet"])
    }

    @Test func changedFieldsOnePerLine() {
        #expect(lines { $0.measures[0].goal = "Fire nye årsverk"; $0.measures[0].fteGain = Hundredths(raw: 350) } == [
            "~ Tiltak T1 «Tiltak 1»: mål og suksesskriterier: «Mål» → «Fire nye årsverk»",
            "~ Tiltak T1 «Tiltak 1»: årsverk tiltaket gir: 2,0 → 3,5",
        ])
        #expect(lines { $0.measures[0].k2025 = ["rekruttere", "ledelse"] } == ["~ Tiltak T1 «Tiltak 1»: k2025-områder: + ledelse"])
        #expect(lines { $0.title = "Ny tittel" } == ["~ Planen: tittel: «Strategisk kompetanseplan for helse og omsorg 2026–2029» → «Ny tittel»"])
    }

    /// The plan's own nested fields read as the editor names them, not as their keys.
    @Test func thePlansOwnFieldsHaveTheEditorsNames() {
        #expect(lines { $0.municipality.number = "4601" }.first?.hasPrefix("~ Planen: kommunenummer: «") == true)
        #expect(lines { $0.owner.role = "Helsesjef" }.first?.hasPrefix("~ Planen: planeiers rolle: «") == true)
        #expect(lines { $0.period.to = 2030 }.first?.hasPrefix("~ Planen: periode til: ") == true)
        #expect(lines { $0.baseline.demandWeights.age80to89 = Hundredths(5) } == ["~ Planen: vekt 80–89: 4,0 → 5,0"])
        #expect(lines { $0.followUp.revisionDate = "2028-01-15" }.first?.hasPrefix("~ Planen: revisjonsdato: «") == true)
        // A decision's kind is not a measure's.
        #expect(lines { $0.decisions[0].kind = "annet" }.first?.contains(": vedtakstype: «") == true)
    }

    /// Each change says where it is, for the editor to go to: list, key as matched, field.
    @Test func changesKnowWhereTheyAre() {
        var b = base
        b.owner.role = "Helsesjef"
        b.measures[0].goal = "Annet mål"
        b.budget.costs[0].amounts[2026] = 1
        b.waivers = [Waiver(rule: "need-gap", target: "B1", reason: "r", decidedBy: "d", date: "2026-01-01")]
        let places = PlanDiffer.diff(base, b).changes.map { [$0.list ?? "-", $0.key, $0.field ?? "-"] }
        #expect(places == [["-", "", "owner.role"], ["measures", "T1", "goal"], ["costs", "K1", "2026"], ["waivers", "need-gap/B1", "-"]])
    }

    /// A status reads as the editor names it, not as its code in the file.
    @Test func statusesHaveTheirNorwegianNames() {
        #expect(lines { $0.status = .approved } == ["~ Planen: status: «utkast» → «godkjent»"])
        #expect(lines { $0.measures[0].status = .done } == ["~ Tiltak T1 «Tiltak 1»: status: «planlagt» → «gjennomført»"])
        #expect(lines { $0.budget.funding[0].status = .granted } == ["~ Finansieringslinje F1 (egen-ramme): status: «planlagt» → «innvilget»"])
    }

    /// A waiver is named by its rule and target; one for the whole plan by its rule alone.
    @Test func waiversAreNamedByRuleAndTarget() {
        let waiver = { (target: String) in Waiver(rule: "demand-not-covered", target: target, reason: "Velferdsteknologi", decidedBy: "Kommunalsjef", date: "2026-03-01") }
        // An added waiver shows why, who and when: the reviewer sees what silences a warning.
        #expect(lines { $0.waivers = [waiver("")] }
                    == ["+ Unntak demand-not-covered: lagt til, begrunnet med «Velferdsteknologi» (Kommunalsjef, 01.03.2026)"])
        #expect(lines { $0.waivers = [waiver("T1")] }
                    == ["+ Unntak demand-not-covered T1: lagt til, begrunnet med «Velferdsteknologi» (Kommunalsjef, 01.03.2026)"])
    }

    /// Found by the fuzzer: with a repeated id every copy was compared with the first one,
    /// so a file differed from itself.
    @Test func repeatedIdsMatchByOccurrence() {
        var twice = base
        twice.measures.append(twice.measures[0])
        twice.measures[twice.measures.count - 1].goal = "Annet"
        #expect(PlanDiffer.diff(twice, twice).isEmpty)
        var changed = twice
        changed.measures[changed.measures.count - 1].goal = "Ny"
        #expect(PlanDiffer.diff(twice, changed).changes.map(\.line) == ["~ Tiltak T1 «Tiltak 1»: mål og suksesskriterier: «Annet» → «Ny»"])
    }

    /// The diff matches typed items; text conversion and merge match JSON items: both must
    /// use the same lists and the same keys.
    @Test func typedAndJSONListsAgree() throws {
        let plan = try #require(PlanDecoder().decode(readBytes(Paths.examplePlan)).plan)
        let root = PlanDiffer.json(PlanEncoder.encode(plan))
        let typed = PlanDiffer.itemLists(plan, plan)
        #expect(typed.map(\.path) == PlanDiffer.lists.map(\.path))
        #expect(typed.map(\.item) == PlanDiffer.lists.map(\.item))
        for (t, j) in zip(typed, PlanDiffer.lists) {
            #expect(!t.keysA.isEmpty || t.item == "waivers", "\(t.item)")
            #expect(t.keysA == PlanDiffer.value(root, j.path).map(j.key), "\(t.item)")
        }
    }

    @Test func movedItem() {
        #expect(lines { $0.measures.swapAt(0, 1) } == ["↕ Tiltak T2 «Tiltak 2»: flyttet til plass 1"])
    }

    /// Places count among the items both versions have: a removal or an addition moves nothing.
    @Test func addingAndRemovingMovesNothingElse() {
        #expect(lines { p in
            p.measures.removeFirst()
            var new = p.measures[0]
            new.id = "T5"
            new.title = "Tiltak 5"
            p.measures.insert(new, at: 0)
        } == ["- Tiltak T1 «Tiltak 1»: fjernet", "+ Tiltak T5 «Tiltak 5»: lagt til"])
        #expect(lines { p in
            p.measures.removeFirst()
            p.measures.swapAt(1, 2)
        } == ["- Tiltak T1 «Tiltak 1»: fjernet", "↕ Tiltak T4 «Tiltak 4»: flyttet til plass 2"])
    }

    @Test func budgetPerYearWithDifferenceAndTotals() {
        var b = base
        b.budget.costs[0].amounts[2026] = 130_000
        b.budget.costs[0].amounts[2027] = 20_000
        let d = PlanDiffer.diff(base, b)
        #expect(d.changes.map(\.line) == [
            "~ Tiltak T1 «Tiltak 1» (K1): budsjett 2026 rekrutteringstiltak: 100 000 kr → 130 000 kr (+30 000 kr)",
            "~ Tiltak T1 «Tiltak 1» (K1): budsjett 2027 rekrutteringstiltak: 0 kr → 20 000 kr (+20 000 kr)",
        ])
        #expect(d.text.contains("  2026: kostnader 100 000 kr → 130 000 kr (+30 000 kr); finansiering 100 000 kr\n"))
        #expect(d.text.hasSuffix("2 endringer: 0 lagt til, 0 fjernet, 2 endret, 0 flyttet\n"))
    }

    @Test func textconvWritesOneFactPerLine() {
        let text = TextConv.render(base)
        #expect(text.contains("Tiltak T1 «Tiltak 1» · mål og suksesskriterier: «Mål»\n"))
        #expect(text.contains("Tiltak T1 «Tiltak 1» (K1) · budsjett 2026 rekrutteringstiltak: 100 000 kr\n"))
        #expect(text.contains("Planen · tittel: «Strategisk kompetanseplan for helse og omsorg 2026–2029»\n"))
        // Named as the editor names them: the plan's own fields by their whole path, codes of a status by their word.
        #expect(text.contains("Planen · kommunenummer: «\(base.municipality.number)»\n"))
        #expect(text.contains("Planen · vekt 80–89: 4,0\n"))
        #expect(text.contains("Planen · status: «utkast»\n"))
        #expect(text.contains("Tiltak T1 «Tiltak 1» · status: «planlagt»\n"))
        #expect(!text.contains("number"))
        #expect(!text.contains("{"))
    }
}
