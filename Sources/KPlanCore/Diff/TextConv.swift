/// The plan as one fact per line, for `git diff`, `git log -p` and `git blame` through a
/// textconv driver: every line names its item, so a changed line reads on its own.
public enum TextConv {
    public static func render(_ plan: Plan) -> String {
        let (doc, _) = JSONParser.parse(PlanEncoder.encode(plan))
        let root = JSONValue(doc!, doc!.root)
        let titles = PlanDiffer.measureTitles(plan, plan)
        var lines: [String] = []
        let listPaths = Set(PlanDiffer.lists.map { $0.path.joined(separator: "/") })
        flatten(root, path: [], skip: listPaths, subject: Text.get("diff.plan"), item: nil, into: &lines)
        for list in PlanDiffer.lists {
            for item in PlanDiffer.value(root, list.path) {
                let subject = PlanDiffer.subject(list.item, item) { titles[$0] }
                if list.item == "costs" || list.item == "funding" {
                    for key in ["measure", "category", "source", "status"] {
                        if let v = item[key] { lines.append("\(subject) · \(PlanDiffer.label(key)): \(PlanDiffer.display(v, [key], item: list.item))") }
                    }
                    if case .object(let amounts)? = item["amounts"] {
                        let what = item["category"]?.text ?? item["source"]?.text ?? ""
                        for (year, v) in amounts {
                            lines.append("\(subject) · " + Text.get(list.item == "costs" ? "diff.cost" : "diff.funding", year, what,
                                                                    Format.kroner(Int(v.text) ?? 0)))
                        }
                    }
                } else {
                    flatten(item, path: [], skip: [], subject: subject, item: list.item, into: &lines)
                }
            }
        }
        // An id goes into every line of its item as it is in the file: the lines are made safe
        // as a whole, as git shows them in a terminal.
        return lines.map(Sanitize.inline).joined(separator: "\n") + "\n"
    }

    /// `item`: the list the value is an item of (`decisions` …), nil for the plan's own fields.
    static func flatten(_ v: JSONValue, path: [String], skip: Set<String>, subject: String, item: String?, into lines: inout [String]) {
        guard case .object(let pairs) = v else {
            lines.append("\(subject) · \(PlanDiffer.name(path, item: item)): \(PlanDiffer.display(v, path, item: item))")
            return
        }
        for (k, x) in pairs {
            let p = path + [k]
            if skip.contains(p.joined(separator: "/")) { continue }
            flatten(x, path: p, skip: skip, subject: subject, item: item, into: &lines)
        }
    }
}
