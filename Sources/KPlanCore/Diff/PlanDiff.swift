/// A semantic diff of two plans, by id, in Norwegian: one change per line, then the
/// budget totals per year before and after, then a count line.
public struct PlanDiff: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed, moved }

    public struct Change: Sendable, Equatable {
        public var kind: Kind
        public var subject: String
        public var detail: String
        /// Where the change is, for an editor to go to: the list of items (`measures` …; nil
        /// for the plan's own fields), the item's key in it as the diff matched it (its id, or
        /// `rule/target` for a waiver), and the changed field's path joined by dots.
        public var list: String? = nil
        public var key = ""
        public var field: String? = nil

        /// The change on one line, whatever an id or a value in it holds.
        public var line: String {
            let mark = kind == .added ? "+" : kind == .removed ? "-" : kind == .moved ? "↕" : "~"
            return Sanitize.inline(detail.isEmpty ? "\(mark) \(subject)" : "\(mark) \(subject): \(detail)")
        }
    }

    public var changes: [Change]
    /// Per year: costs and funding before and after.
    public var budget: [(year: Int, costsBefore: Int, costsAfter: Int, fundingBefore: Int, fundingAfter: Int)]

    public static func == (a: PlanDiff, b: PlanDiff) -> Bool { a.changes == b.changes && a.text == b.text }

    public var isEmpty: Bool { changes.isEmpty }

    public var text: String {
        var out = changes.map(\.line).joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        let changedYears = budget.filter { $0.costsBefore != $0.costsAfter || $0.fundingBefore != $0.fundingAfter }
        if !changedYears.isEmpty {
            out += Text.get("diff.budget.title") + "\n"
            for y in changedYears {
                out += "  " + Text.get("diff.budget.year", String(y.year), amountChange(y.costsBefore, y.costsAfter),
                                       amountChange(y.fundingBefore, y.fundingAfter)) + "\n"
            }
        }
        let count = { (k: Kind) in changes.filter { $0.kind == k }.count }
        out += Text.get("diff.summary", String(changes.count), String(count(.added)), String(count(.removed)), String(count(.changed)),
                        String(count(.moved))) + "\n"
        return out
    }
}

func amountChange(_ a: Int, _ b: Int) -> String {
    a == b ? Format.kroner(a) : "\(Format.kroner(a)) → \(Format.kroner(b)) (\(Format.signedKroner(b - a)))"
}

public enum PlanDiffer {
    /// Lists of items and how their items are matched between the two versions.
    static let lists: [(path: [String], item: String, key: @Sendable (JSONValue) -> String)] = [
        (["decisions"], "decisions", { $0["id"]?.text ?? "" }),
        (["workingGroup"], "members", { $0["name"]?.text ?? "" }),
        (["baseline", "workforce"], "workforce", { $0["occupation"]?.text ?? "" }),
        (["baseline", "population"], "population", { $0["year"]?.text ?? "" }),
        (["needs"], "needs", { $0["id"]?.text ?? "" }),
        (["measures"], "measures", { $0["id"]?.text ?? "" }),
        (["trainingSlots"], "slots", { $0["id"]?.text ?? "" }),
        (["budget", "costs"], "costs", { $0["id"]?.text ?? "" }),
        (["budget", "funding"], "funding", { $0["id"]?.text ?? "" }),
        (["waivers"], "waivers", { ($0["rule"]?.text ?? "") + "/" + ($0["target"]?.text ?? "") }),
    ]

    /// The same lists, typed: items are compared as values and turned into JSON only when
    /// they differ, so a one-field diff of a large plan costs little more than a comparison.
    static func itemLists(_ a: Plan, _ b: Plan) -> [ItemListPair] {
        [
            .init(["decisions"], "decisions", a.decisions, b.decisions, { $0.id }, PlanEncoder.decision),
            .init(["workingGroup"], "members", a.workingGroup, b.workingGroup, { $0.name }, PlanEncoder.member),
            .init(["baseline", "workforce"], "workforce", a.baseline.workforce, b.baseline.workforce, { $0.occupation }, PlanEncoder.workforce),
            .init(["baseline", "population"], "population", a.baseline.population, b.baseline.population, { String($0.year) }, PlanEncoder.population),
            .init(["needs"], "needs", a.needs, b.needs, { $0.id }, PlanEncoder.need),
            .init(["measures"], "measures", a.measures, b.measures, { $0.id }, PlanEncoder.measure),
            .init(["trainingSlots"], "slots", a.trainingSlots, b.trainingSlots, { $0.id }, PlanEncoder.slot),
            .init(["budget", "costs"], "costs", a.budget.costs, b.budget.costs, { $0.id }, PlanEncoder.cost),
            .init(["budget", "funding"], "funding", a.budget.funding, b.budget.funding, { $0.id }, PlanEncoder.funding),
            .init(["waivers"], "waivers", a.waivers, b.waivers, { $0.rule + "/" + $0.target }, PlanEncoder.waiver),
        ]
    }

    public static func diff(_ a: Plan, _ b: Plan) -> PlanDiff {
        var changes: [PlanDiff.Change] = []
        // The plan's own fields (everything that is not a list of items).
        compareFields(json(PlanEncoder.encode(withoutLists(a))), json(PlanEncoder.encode(withoutLists(b))),
                      path: [], subject: Text.get("diff.plan"), into: &changes)
        let titles = MeasureTitles(a, b)
        for list in itemLists(a, b) {
            compareLists(list, titles, &changes)
        }
        // One pass over each version's budget lines, not one per year.
        let (costsA, fundingA) = totals(a), (costsB, fundingB) = totals(b)
        var years = Set(a.period.years).union(b.period.years)
        for t in [costsA, fundingA, costsB, fundingB] { years.formUnion(t.keys) }
        let budget = years.sorted().map { y in
            (year: y, costsBefore: costsA[y] ?? 0, costsAfter: costsB[y] ?? 0, fundingBefore: fundingA[y] ?? 0, fundingAfter: fundingB[y] ?? 0)
        }
        return PlanDiff(changes: changes, budget: budget)
    }

    /// Costs and funding per year.
    static func totals(_ p: Plan) -> (costs: [Int: Int], funding: [Int: Int]) {
        var costs: [Int: Int] = [:], funding: [Int: Int] = [:]
        for line in p.budget.costs { for e in line.amounts.entries { costs[e.year, default: 0] += e.kroner } }
        for line in p.budget.funding { for e in line.amounts.entries { funding[e.year, default: 0] += e.kroner } }
        return (costs, funding)
    }

    static func withoutLists(_ p: Plan) -> Plan {
        var head = p
        head.decisions = []
        head.workingGroup = []
        head.baseline.workforce = []
        head.baseline.population = []
        head.needs = []
        head.measures = []
        head.trainingSlots = []
        head.budget.costs = []
        head.budget.funding = []
        head.waivers = []
        return head
    }

    static func json<T>(_ x: T, _ encode: (inout JSONWriter, T) -> Void) -> JSONValue {
        var w = JSONWriter(capacity: 1024)
        encode(&w, x)
        return json(w.finish())
    }

    static func json(_ bytes: [UInt8]) -> JSONValue {
        let (doc, _) = JSONParser.parse(bytes)
        return JSONValue(doc!, doc!.root)
    }

    static func value(_ v: JSONValue, _ path: [String]) -> [JSONValue] {
        var cur: JSONValue? = v
        for p in path { cur = cur?[p] }
        if case .array(let items)? = cur { return items }
        return []
    }

    /// Measure titles by id, built only when a changed budget line needs one.
    final class MeasureTitles {
        let a: Plan, b: Plan
        lazy var byID: [String: String] = measureTitles(a, b)
        init(_ a: Plan, _ b: Plan) { self.a = a; self.b = b }
        func title(_ id: String) -> String? { byID[id] }
    }

    static func measureTitles(_ a: Plan, _ b: Plan) -> [String: String] {
        var t: [String: String] = [:]
        for m in a.measures + b.measures { t[m.id] = m.title }
        return t
    }

    /// The field's name as the UI shows it, without input hints, starting in lower case.
    static func label(_ key: String) -> String {
        guard Text.has("ui.field.\(key)") else { return key }
        var name = Text.get("ui.field.\(key)")
        if let hint = name.range(of: " (ÅÅÅÅ") { name = String(name[..<hint.lowerBound]) }
        return name.prefix(1).lowercased() + name.dropFirst()
    }

    /// A field's name as the editor gives it: for the plan's own nested fields by their whole
    /// path, a decision's kind as «vedtakstype» (a measure's is «tiltakstype»), else the names
    /// of the keys on its path.
    static func name(_ path: [String], item: String? = nil) -> String {
        if item == nil, let key = Plan.headerFieldNames.first(where: { $0.key == path.joined(separator: ".") })?.value { return label(key) }
        if item == "decisions", path == ["kind"] { return label("decisionKind") }
        return path.map(label).joined(separator: " ")
    }

    static func compareFields(_ a: JSONValue, _ b: JSONValue, path: [String], subject: String, item: String? = nil,
                              into changes: inout [PlanDiff.Change]) {
        guard case .object(let pa) = a, case .object(let pb) = b else {
            if a != b {
                changes.append(.init(kind: .changed, subject: subject, detail: "\(name(path, item: item)): \(a.display) → \(b.display)",
                                     field: path.joined(separator: ".")))
            }
            return
        }
        var keys = pa.map(\.0)
        for (k, _) in pb where !keys.contains(k) { keys.append(k) }
        for k in keys {
            let p = path + [k]
            let x = a[k] ?? .null, y = b[k] ?? .null
            if x == y { continue }
            if case .object = x, case .object = y, k != "amounts" {
                compareFields(x, y, path: p, subject: subject, item: item, into: &changes)
            } else {
                changes.append(.init(kind: .changed, subject: subject, detail: describe(p, x, y, item: item), field: p.joined(separator: ".")))
            }
        }
    }

    /// The string table of each status, by the list whose items have it (nil: the plan's own).
    static let statusNames: [String?: String] = [nil: "status.", "measures": "measure-status.", "funding": "funding-status."]

    /// A value as the diff shows it; a status by its Norwegian name, as the editor does.
    static func display(_ v: JSONValue, _ path: [String], item: String?) -> String {
        if path.last == "status", let table = statusNames[item], case .string(let code) = v, Text.has(table + code) {
            return "«" + Text.get(table + code) + "»"
        }
        return v.display
    }

    /// One changed field: amounts per year with the difference, lists as what came and went.
    static func describe(_ path: [String], _ x: JSONValue, _ y: JSONValue, item: String? = nil) -> String {
        let name = name(path, item: item)
        if case .array(let xa) = x, case .array(let ya) = y {
            let added = ya.filter { !xa.contains($0) }.map(\.text), removed = xa.filter { !ya.contains($0) }.map(\.text)
            var parts: [String] = []
            if !added.isEmpty { parts.append("+ " + added.joined(separator: ", ")) }
            if !removed.isEmpty { parts.append("− " + removed.joined(separator: ", ")) }
            return "\(name): " + (parts.isEmpty ? Text.get("diff.reordered") : parts.joined(separator: "; "))
        }
        return "\(name): \(display(x, path, item: item)) → \(display(y, path, item: item))"
    }

    static func subject(_ item: String, _ v: JSONValue, _ title: (String) -> String?) -> String {
        let word = Text.get("ui.item.\(item)")
        let capitalized = word.prefix(1).uppercased() + word.dropFirst()
        switch item {
        case "costs", "funding":
            let measure = v["measure"]?.text ?? ""
            let line = v["id"]?.text ?? ""
            guard !measure.isEmpty, measure != "—" else { return "\(capitalized) \(line) (\(v["source"]?.text ?? ""))" }
            return Text.get("diff.budget-line", measure, Sanitize.inline(title(measure) ?? ""), line)
        case "workforce": return "\(capitalized) \(v["occupation"]?.text ?? "")"
        case "population": return "\(capitalized) \(v["year"]?.text ?? "")"
        case "members": return "\(capitalized) «\(Sanitize.inline(v["name"]?.text ?? ""))»"
        case "waivers": return "\(capitalized) " + Waiver.name(rule: v["rule"]?.text ?? "", target: v["target"]?.text ?? "")
        default:
            let title = v["title"]?.text ?? ""
            return "\(capitalized) \(v["id"]?.text ?? "")" + (title.isEmpty ? "" : " «\(Sanitize.inline(title))»")
        }
    }

    /// "lagt til"; for a waiver also its reason, who decided it and when: what a reviewer of
    /// the plan must see before a warning goes quiet.
    static func added(_ item: String, _ v: JSONValue) -> String {
        guard item == "waivers" else { return Text.get("diff.added") }
        return Text.get("diff.added.waiver", Sanitize.inline(v["reason"]?.text ?? ""), Sanitize.inline(v["decidedBy"]?.text ?? ""),
                        Format.date(v["date"]?.text ?? ""))
    }

    static func compareLists(_ list: ItemListPair, _ titles: MeasureTitles, _ changes: inout [PlanDiff.Change]) {
        let item = list.item
        // The changes an item gave, from `start` on, are placed in the list at its key.
        func place(from start: Int, _ key: String) {
            for c in start..<changes.count { (changes[c].list, changes[c].key) = (item, key) }
        }
        let (partnerInB, partnerInA) = partners(list.keysA, list.keysB)
        for (i, partner) in partnerInB.enumerated() where partner == nil {
            changes.append(.init(kind: .removed, subject: subject(item, list.valueA(i), titles.title), detail: Text.get("diff.removed")))
            place(from: changes.count - 1, list.keysA[i])
        }
        for (i, partner) in partnerInA.enumerated() {
            let start = changes.count
            defer { place(from: start, list.keysB[i]) }
            guard let j = partner else {
                changes.append(.init(kind: .added, subject: subject(item, list.valueB(i), titles.title), detail: added(item, list.valueB(i))))
                continue
            }
            if list.same(j, i) { continue }
            let x = list.valueA(j), y = list.valueB(i)
            if item == "costs" || item == "funding" {
                compareBudgetLine(x, y, item, titles, &changes)
            } else if x != y {
                compareFields(x, y, path: [], subject: subject(item, y, titles.title), item: item, into: &changes)
            }
        }
        // An item whose place among the common items changed has been moved: the n-th common
        // item of the new version is not the partner of the n-th common item of the old one.
        let commonA = partnerInB.lazy.compactMap { $0 }, commonB = partnerInA.indices.lazy.filter { partnerInA[$0] != nil }
        for (n, (j, i)) in zip(commonA, commonB).enumerated() where j != i {
            changes.append(.init(kind: .moved, subject: subject(item, list.valueB(i), titles.title), detail: Text.get("diff.moved", String(n + 1))))
            place(from: changes.count - 1, list.keysB[i])
            break
        }
    }

    /// Each item's partner in the other version. When an edit changed fields and not ids,
    /// the keys are the same in the same order, and one pass over them shows it.
    static func partners(_ keysA: [String], _ keysB: [String]) -> (inB: [Int?], inA: [Int?]) {
        if keysA == keysB {
            let same = keysA.indices.map { Optional($0) }
            return (same, same)
        }
        let a = occurrenceIndex(keysA), b = occurrenceIndex(keysB)
        return (a.ids.map { b.firstIndex(of: $0) }, b.ids.map { a.firstIndex(of: $0) })
    }

    /// A file may repeat an id (the engine reports it); the n-th item with an id is matched
    /// with the n-th item with that id in the other version, never with the first one.
    static func occurrenceIndex(_ keys: [String]) -> IdIndex {
        let index = IdIndex(keys)
        guard !index.repeats.isEmpty else { return index }
        var seen: [String: Int] = [:]
        return IdIndex(keys.map { k in
            let n = seen[k, default: 0]
            seen[k] = n + 1
            return n == 0 ? k : "\(k)\u{0}\(n)"
        })
    }

    /// Budget lines: the amounts per year, as DESIGN §5 writes them, with the difference.
    static func compareBudgetLine(_ x: JSONValue, _ y: JSONValue, _ item: String, _ titles: MeasureTitles, _ changes: inout [PlanDiff.Change]) {
        let what = item == "costs" ? (y["category"]?.text ?? "") : (y["source"]?.text ?? "")
        let subj = subject(item, y, titles.title)
        for key in ["measure", "category", "source", "status"] where x[key] != y[key] && (x[key] != nil || y[key] != nil) {
            changes.append(.init(kind: .changed, subject: subj, detail: describe([key], x[key] ?? .null, y[key] ?? .null, item: item), field: key))
        }
        var years: [String] = []
        if case .object(let pa)? = x["amounts"] { years += pa.map(\.0) }
        if case .object(let pb)? = y["amounts"] { years += pb.map(\.0).filter { !years.contains($0) } }
        for year in years.sorted() {
            let va = Int(x["amounts"]?[year]?.text ?? "") ?? 0, vb = Int(y["amounts"]?[year]?.text ?? "") ?? 0
            if va != vb {
                changes.append(.init(kind: .changed, subject: subj,
                                     detail: Text.get(item == "costs" ? "diff.cost" : "diff.funding", year, what, amountChange(va, vb)), field: year))
            }
        }
    }
}

/// One list of items in both versions of a plan: keys to match them by, a value comparison,
/// and each item's JSON form on demand.
struct ItemListPair {
    let path: [String]
    let item: String
    let keysA: [String], keysB: [String]
    let same: (Int, Int) -> Bool
    let valueA: (Int) -> JSONValue, valueB: (Int) -> JSONValue

    init<T: Equatable>(_ path: [String], _ item: String, _ a: [T], _ b: [T], _ key: (T) -> String,
                       _ encode: @escaping (inout JSONWriter, T) -> Void) {
        self.path = path
        self.item = item
        keysA = a.map(key)
        keysB = b.map(key)
        same = { a[$0] == b[$1] }
        valueA = { PlanDiffer.json(a[$0], encode) }
        valueB = { PlanDiffer.json(b[$0], encode) }
    }
}
