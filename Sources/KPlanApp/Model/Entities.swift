import KPlanCore

/// Field-by-field text access to each kind of plan item: what the detail pane shows
/// and what an edit writes back. `set` validates; a rejected value changes nothing.
protocol EditableItem {
    func value(_ key: String) -> String
    mutating func set(_ key: String, _ text: String) throws(FieldError)
}

extension Need: EditableItem {
    static let fields = [
        FieldSpec("id", "id", .text), FieldSpec("title", "title", .text), FieldSpec("service", "service", .code(.service)),
        FieldSpec("occupation", "occupation", .code(.occupation)), FieldSpec("fte", "fte", .decimal), FieldSpec("year", "year", .year),
        FieldSpec("strategy", "strategy", .code(.strategy)), FieldSpec("k2025", "k2025", .codes(.k2025)),
        FieldSpec("reform", "reform", .codes(.reform)), FieldSpec("rationale", "rationale", .text),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "title": return title
        case "service": return service
        case "occupation": return occupation
        case "fte": return fte.description
        case "year": return String(year)
        case "strategy": return strategy
        case "k2025": return k2025.joined(separator: ", ")
        case "reform": return reform.joined(separator: ", ")
        case "rationale": return rationale
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "title": title = text
        case "service": service = text
        case "occupation": occupation = text
        case "fte": fte = try FieldText.decimal(text)
        case "year": year = try FieldText.year(text)
        case "strategy": strategy = text
        case "k2025": k2025 = FieldText.codes(text)
        case "reform": reform = FieldText.codes(text)
        case "rationale": rationale = text
        default: break
        }
    }
}

extension Measure: EditableItem {
    static let fields = [
        FieldSpec("id", "id", .text), FieldSpec("title", "title", .text), FieldSpec("kind", "kind", .code(.measureKind)),
        FieldSpec("strategy", "strategy", .code(.strategy)), FieldSpec("needs", "needs", .codes(.needs)),
        FieldSpec("k2025", "k2025", .codes(.k2025)), FieldSpec("reform", "reform", .codes(.reform)),
        FieldSpec("responsible", "responsible", .text), FieldSpec("targetGroup", "targetGroup", .text), FieldSpec("goal", "goal", .text),
        FieldSpec("implementation", "implementation", .text), FieldSpec("indicator", "indicator", .text),
        FieldSpec("from", "from", .yearMonth), FieldSpec("to", "to", .yearMonth), FieldSpec("status", "status", .code(.measureStatus)),
        FieldSpec("startedBefore", "startedBefore", .bool), FieldSpec("fteGain", "fteGain", .decimal),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "title": return title
        case "kind": return kind
        case "strategy": return strategy
        case "needs": return needs.joined(separator: ", ")
        case "k2025": return k2025.joined(separator: ", ")
        case "reform": return reform.joined(separator: ", ")
        case "responsible": return responsible
        case "targetGroup": return targetGroup
        case "goal": return goal
        case "implementation": return implementation
        case "indicator": return indicator
        case "from": return from
        case "to": return to
        case "status": return status.rawValue
        case "startedBefore": return FieldText.show(startedBefore)
        case "fteGain": return fteGain.description
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "title": title = text
        case "kind": kind = text
        case "strategy": strategy = text
        case "needs": needs = FieldText.codes(text)
        case "k2025": k2025 = FieldText.codes(text)
        case "reform": reform = FieldText.codes(text)
        case "responsible": responsible = text
        case "targetGroup": targetGroup = text
        case "goal": goal = text
        case "implementation": implementation = text
        case "indicator": indicator = text
        case "from": from = try FieldText.yearMonth(text)
        case "to": to = try FieldText.yearMonth(text)
        case "status": status = MeasureStatus(rawValue: text) ?? status
        case "startedBefore": startedBefore = try FieldText.bool(text)
        case "fteGain": fteGain = try FieldText.decimal(text)
        default: break
        }
    }
}

extension TrainingSlot: EditableItem {
    static let fields = [
        FieldSpec("id", "id", .text), FieldSpec("measure", "measure", .code(.measures)), FieldSpec("programme", "programme", .code(.programme)),
        FieldSpec("provider", "provider", .text), FieldSpec("qualifies", "qualifies", .optionalCode(.occupation)),
        FieldSpec("startYear", "startYear", .year), FieldSpec("years", "years", .integer),
        FieldSpec("participants", "participants", .integer), FieldSpec("fteGainEach", "fteGainEach", .decimal),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "measure": return measure
        case "programme": return programme
        case "provider": return provider
        case "qualifies": return qualifies ?? ""
        case "startYear": return String(startYear)
        case "years": return String(years)
        case "participants": return String(participants)
        case "fteGainEach": return fteGainEach.description
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "measure": measure = text
        case "programme": programme = text
        case "provider": provider = text
        case "qualifies": qualifies = text.isEmpty ? nil : text
        case "startYear": startYear = try FieldText.year(text)
        case "years": years = try FieldText.integer(text)
        case "participants": participants = try FieldText.integer(text)
        case "fteGainEach": fteGainEach = try FieldText.decimal(text)
        default: break
        }
    }
}

/// Budget lines edit their amounts as one field per year, keyed by the year.
protocol YearAmountsItem {
    var amounts: YearAmounts { get set }
}

extension YearAmountsItem {
    func amountText(_ key: String) -> String? {
        guard let y = Int(key) else { return nil }
        let v = amounts[y]
        return v == 0 && !amounts.years.contains(y) ? "" : Format.kroner(v)
    }

    mutating func setAmount(_ key: String, _ text: String) throws(FieldError) -> Bool {
        guard let y = Int(key) else { return false }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            amounts.remove(year: y)
        } else {
            amounts[y] = try FieldText.kroner(text)
        }
        return true
    }
}

extension CostLine: EditableItem, YearAmountsItem {
    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "measure": return measure
        case "category": return category
        default: return amountText(key) ?? ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        if try setAmount(key, text) { return }
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "measure": measure = text
        case "category": category = text
        default: break
        }
    }
}

extension FundingLine: EditableItem, YearAmountsItem {
    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "source": return source
        case "measure": return measure ?? ""
        case "status": return status.rawValue
        default: return amountText(key) ?? ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        if try setAmount(key, text) { return }
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "source": source = text
        case "measure": measure = text.isEmpty ? nil : text
        case "status": status = FundingStatus(rawValue: text) ?? status
        default: break
        }
    }
}

extension Workforce: EditableItem {
    static let fields = [
        FieldSpec("occupation", "occupation", .code(.occupation)), FieldSpec("fte", "fte", .decimal),
        FieldSpec("headcount", "headcount", .integer), FieldSpec("vacantFte", "vacantFte", .decimal),
        FieldSpec("turnoverPct", "turnoverPct", .decimal), FieldSpec("sickLeavePct", "sickLeavePct", .decimal),
        FieldSpec("partTimePct", "partTimePct", .decimal),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "occupation": return occupation
        case "fte": return fte.description
        case "headcount": return String(headcount)
        case "vacantFte": return vacantFte.description
        case "turnoverPct": return turnoverPct.description
        case "sickLeavePct": return sickLeavePct.description
        case "partTimePct": return partTimePct.description
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "occupation": occupation = text
        case "fte": fte = try FieldText.decimal(text)
        case "headcount": headcount = try FieldText.integer(text)
        case "vacantFte": vacantFte = try FieldText.decimal(text)
        case "turnoverPct": turnoverPct = try FieldText.decimal(text)
        case "sickLeavePct": sickLeavePct = try FieldText.decimal(text)
        case "partTimePct": partTimePct = try FieldText.decimal(text)
        default: break
        }
    }
}

extension PopulationYear: EditableItem {
    static let fields = [
        FieldSpec("year", "year", .year), FieldSpec("age67to79", "age67to79", .integer),
        FieldSpec("age80to89", "age80to89", .integer), FieldSpec("age90plus", "age90plus", .integer),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "year": return String(year)
        case "age67to79": return String(age67to79)
        case "age80to89": return String(age80to89)
        case "age90plus": return String(age90plus)
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "year": year = try FieldText.year(text)
        case "age67to79": age67to79 = try FieldText.integer(text)
        case "age80to89": age80to89 = try FieldText.integer(text)
        case "age90plus": age90plus = try FieldText.integer(text)
        default: break
        }
    }
}

extension Decision: EditableItem {
    static let fields = [
        FieldSpec("id", "id", .text), FieldSpec("kind", "decisionKind", .code(.decisionKind)), FieldSpec("title", "title", .text),
        FieldSpec("body", "body", .text), FieldSpec("case", "case", .text), FieldSpec("date", "date", .date),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "id": return id
        case "kind": return kind
        case "title": return title
        case "body": return body
        case "case": return caseNumber
        case "date": return date
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "id": id = text.trimmingCharacters(in: .whitespaces)
        case "kind": kind = text
        case "title": title = text
        case "body": body = text
        case "case": caseNumber = text
        case "date": date = try FieldText.date(text)
        default: break
        }
    }
}

extension Member: EditableItem {
    static let fields = [FieldSpec("name", "name", .text), FieldSpec("role", "role", .code(.memberRole)), FieldSpec("represents", "represents", .text)]

    func value(_ key: String) -> String {
        switch key {
        case "name": return name
        case "role": return role
        case "represents": return represents
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "name": name = text
        case "role": role = text
        case "represents": represents = text
        default: break
        }
    }
}

extension Waiver: EditableItem {
    static let fields = [
        FieldSpec("rule", "rule", .text), FieldSpec("target", "target", .text), FieldSpec("reason", "reason", .text),
        FieldSpec("decidedBy", "decidedBy", .text), FieldSpec("date", "date", .date),
    ]

    func value(_ key: String) -> String {
        switch key {
        case "rule": return rule
        case "target": return target
        case "reason": return reason
        case "decidedBy": return decidedBy
        case "date": return date
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "rule": rule = text.trimmingCharacters(in: .whitespaces)
        case "target": target = text.trimmingCharacters(in: .whitespaces)
        case "reason": reason = text
        case "decidedBy": decidedBy = text
        case "date": date = try FieldText.date(text)
        default: break
        }
    }
}

/// The plan's own fields (title, owner, period, follow-up …) as one editable item.
struct PlanHeader: EditableItem {
    var plan: Plan

    /// In the order and with the names the diff uses too (`Plan.headerFieldNames`).
    static let fields = Plan.headerFieldNames.map { FieldSpec($0.key, $0.value, kind($0.key)) }

    private static func kind(_ key: String) -> FieldKind {
        switch key {
        case "period.from", "period.to", "baseline.year": return .year
        case "policies": return .codes(.policy)
        case "followUp.revisionDate": return .optionalDate
        case _ where key.hasPrefix("baseline.demandWeights."): return .decimal
        default: return .text
        }
    }

    func value(_ key: String) -> String {
        switch key {
        case "title": return plan.title
        case "municipality.name": return plan.municipality.name
        case "municipality.number": return plan.municipality.number
        case "municipality.county": return plan.municipality.county
        case "period.from": return String(plan.period.from)
        case "period.to": return String(plan.period.to)
        case "owner.name": return plan.owner.name
        case "owner.role": return plan.owner.role
        case "policies": return plan.policies.joined(separator: ", ")
        case "followUp.reporting": return plan.followUp.reporting
        case "followUp.revisionDate": return plan.followUp.revisionDate
        case "baseline.year": return String(plan.baseline.year)
        case "baseline.demandWeights.age67to79": return plan.baseline.demandWeights.age67to79.description
        case "baseline.demandWeights.age80to89": return plan.baseline.demandWeights.age80to89.description
        case "baseline.demandWeights.age90plus": return plan.baseline.demandWeights.age90plus.description
        default: return ""
        }
    }

    mutating func set(_ key: String, _ text: String) throws(FieldError) {
        switch key {
        case "title": plan.title = text
        case "municipality.name": plan.municipality.name = text
        case "municipality.number":
            guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw FieldError("decode.municipality-number", text) }
            plan.municipality.number = text
        case "municipality.county": plan.municipality.county = text
        case "period.from": plan.period.from = try FieldText.year(text)
        case "period.to": plan.period.to = try FieldText.year(text)
        case "owner.name": plan.owner.name = text
        case "owner.role": plan.owner.role = text
        case "policies": plan.policies = FieldText.codes(text)
        case "followUp.reporting": plan.followUp.reporting = text
        case "followUp.revisionDate": plan.followUp.revisionDate = try FieldText.date(text, optional: true)
        case "baseline.year": plan.baseline.year = try FieldText.year(text)
        case "baseline.demandWeights.age67to79": plan.baseline.demandWeights.age67to79 = try FieldText.decimal(text)
        case "baseline.demandWeights.age80to89": plan.baseline.demandWeights.age80to89 = try FieldText.decimal(text)
        case "baseline.demandWeights.age90plus": plan.baseline.demandWeights.age90plus = try FieldText.decimal(text)
        default: break
        }
    }
}
