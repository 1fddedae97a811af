/// Three-way merge of plan files by id, for git's merge driver: items added on both
/// branches are both kept, fields changed on one branch take that change, and only a
/// field changed differently on both branches is a conflict.
public enum PlanMerge {
    public struct Result: Sendable {
        /// The merged file (canonical when `conflicts` is empty; with git conflict markers otherwise).
        public var bytes: [UInt8]
        public var conflicts: [String]
        /// Items deleted on one branch and changed on the other: the changed one is kept,
        /// and the caller must say so (git would call it a conflict).
        public var keptOverDeletion: [String] = []
    }

    public static func merge(base: Plan, ours: Plan, theirs: Plan) -> Result {
        func tree(_ p: Plan) -> JSONValue {
            let (d, _) = JSONParser.parse(PlanEncoder.encode(p))
            return JSONValue(d!, d!.root)
        }
        var conflicts: [(path: [String], theirs: JSONValue)] = []
        var kept: [(path: [String], item: JSONValue)] = []
        let merged = mergeValue(tree(base), tree(ours), tree(theirs), path: [], conflicts: &conflicts, kept: &kept)
        var w = JSONWriter()
        write(merged, &w)
        let bytes = w.finish()
        // Through the decoder and encoder once more, so the result is canonical.
        let decoded = PlanDecoder().decode(bytes)
        let canonical = decoded.plan.map(PlanEncoder.encode) ?? bytes
        let titles = kept.isEmpty ? [:] : PlanDiffer.measureTitles(ours, theirs)
        let keptSubjects = kept.compactMap { k in
            PlanDiffer.lists.first { $0.path == k.path }.map { PlanDiffer.subject($0.item, k.item) { titles[$0] } }
        }
        guard !conflicts.isEmpty else { return Result(bytes: canonical, conflicts: [], keptOverDeletion: keptSubjects) }
        return Result(bytes: markConflicts(canonical, conflicts), conflicts: conflicts.map { "/" + $0.path.joined(separator: "/") },
                      keptOverDeletion: keptSubjects)
    }

    static func keyFunction(_ path: [String]) -> (@Sendable (JSONValue) -> String)? {
        PlanDiffer.lists.first { $0.path == path }?.key
    }

    static func mergeValue(_ b: JSONValue?, _ o: JSONValue?, _ t: JSONValue?, path: [String],
                           conflicts: inout [(path: [String], theirs: JSONValue)],
                           kept: inout [(path: [String], item: JSONValue)]) -> JSONValue? {
        if o == t { return o }
        if o == b { return t }
        if t == b { return o }
        switch (b, o, t) {
        case (.object(let bp)?, .object(let op)?, .object(let tp)?):
            var keys = op.map(\.0)
            for (k, _) in tp where !keys.contains(k) { keys.append(k) }
            let merged = keys.compactMap { k -> (String, JSONValue)? in
                let bo = JSONValue.object(bp)[k], oo = JSONValue.object(op)[k], to = JSONValue.object(tp)[k]
                return mergeValue(bo, oo, to, path: path + [k], conflicts: &conflicts, kept: &kept).map { (k, $0) }
            }
            return .object(merged)
        case (.array(let ba)?, .array(let oa)?, .array(let ta)?):
            if let key = keyFunction(path) { return .array(mergeItems(ba, oa, ta, key, path, &conflicts, &kept)) }
            // Lists of codes or ids: keep ours, add what theirs added, drop what theirs removed.
            var result = oa.filter { ta.contains($0) || !ba.contains($0) }
            for x in ta where !ba.contains(x) && !result.contains(x) { result.append(x) }
            return .array(result)
        default:
            conflicts.append((path, t ?? .null))
            return o
        }
    }

    static func mergeItems(_ b: [JSONValue], _ o: [JSONValue], _ t: [JSONValue], _ key: (JSONValue) -> String, _ path: [String],
                           _ conflicts: inout [(path: [String], theirs: JSONValue)],
                           _ kept: inout [(path: [String], item: JSONValue)]) -> [JSONValue] {
        let bk = Dictionary(b.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let tk = Dictionary(t.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let ok = Set(o.map(key))
        var result: [JSONValue] = []
        for (i, item) in o.enumerated() {
            let k = key(item)
            let itemPath = path + [String(i)]
            switch (bk[k], tk[k]) {
            case (nil, nil): result.append(item)
            case (nil, let theirs?):
                if let m = mergeValue(nil, item, theirs, path: itemPath, conflicts: &conflicts, kept: &kept) { result.append(m) }
            case (let base?, nil):
                // Deleted on their side: gone unless we changed it, then kept (a change wins over a deletion).
                if base != item {
                    result.append(item)
                    kept.append((path, item))
                }
            case (let base?, let theirs?):
                if let m = mergeValue(base, item, theirs, path: itemPath, conflicts: &conflicts, kept: &kept) { result.append(m) }
            }
        }
        for item in t where !ok.contains(key(item)) {
            let k = key(item)
            if let base = bk[k] {
                // Deleted on our side: gone unless they changed it.
                if base != item {
                    result.append(item)
                    kept.append((path, item))
                }
            } else {
                result.append(item)
            }
        }
        return result
    }

    static func write(_ v: JSONValue?, _ w: inout JSONWriter) {
        switch v ?? .null {
        case .object(let pairs):
            w.beginObject()
            for (k, x) in pairs { w.key(k); write(x, &w) }
            w.endObject()
        case .array(let items):
            w.beginArray()
            for x in items { write(x, &w) }
            w.endArray()
        case .string(let s): w.string(s)
        case .number(let n): w.raw(n)
        case .bool(let b): w.bool(b)
        case .null: w.null()
        }
    }

    /// Puts git conflict markers around each conflicting line: ours as merged, theirs beside it.
    static func markConflicts(_ bytes: [UInt8], _ conflicts: [(path: [String], theirs: JSONValue)]) -> [UInt8] {
        let (doc, _) = JSONParser.parse(bytes)
        guard let doc else { return bytes }
        var resolver = PointerResolver(document: doc)
        let lines = LineIndex(bytes)
        var replacements: [Int: (String, String)] = [:]
        for c in conflicts {
            guard let offset = resolver.offset(of: "/" + c.path.joined(separator: "/")) else { continue }
            let n = lines.lineNumber(of: offset)
            let ours = lines.lineText(n, in: bytes)
            let prefix = ours.prefix { $0 == " " }
            var w = JSONWriter()
            write(c.theirs, &w)
            var value = String(decoding: w.finish(), as: UTF8.self)
            value.removeLast()
            let key = c.path.last.map { Int($0) == nil ? "\"\($0)\": " : "" } ?? ""
            let theirs = String(prefix) + key + value + (ours.hasSuffix(",") ? "," : "")
            replacements[n] = (ours, theirs)
        }
        var out: [String] = []
        for n in 1...lines.lineStarts.count {
            let text = lines.lineText(n, in: bytes)
            if let (ours, theirs) = replacements[n] {
                out += ["<<<<<<< ours", ours, "=======", theirs, ">>>>>>> theirs"]
            } else {
                out.append(text)
            }
        }
        while out.last == "" { out.removeLast() }
        return Array((out.joined(separator: "\n") + "\n").utf8)
    }
}
