/// The whole competence plan as it is stored in a `*.kplan.json` file (format `kplan/1`).
/// Field order here is the key order on disk.
public struct Plan: Sendable, Equatable {
    public static let currentFormat = "kplan/1"

    public var format: String = Plan.currentFormat
    public var municipality: Municipality
    public var title: String
    public var period: Period
    public var owner: Person
    public var status: PlanStatus = .draft
    public var policies: [String] = []
    public var decisions: [Decision] = []
    public var workingGroup: [Member] = []
    public var followUp: FollowUp = FollowUp()
    public var baseline: Baseline
    public var needs: [Need] = []
    public var measures: [Measure] = []
    public var trainingSlots: [TrainingSlot] = []
    public var budget: Budget = Budget()
    public var waivers: [Waiver] = []

    public init(municipality: Municipality, title: String, period: Period, owner: Person, baseline: Baseline) {
        self.municipality = municipality
        self.title = title
        self.period = period
        self.owner = owner
        self.baseline = baseline
    }
}

public struct Municipality: Sendable, Equatable {
    public var name: String
    /// Kommunenummer, four digits.
    public var number: String
    public var county: String
    public init(name: String, number: String, county: String) {
        self.name = name; self.number = number; self.county = county
    }
}

public struct Period: Sendable, Equatable {
    public var from: Int
    public var to: Int
    public init(from: Int, to: Int) { self.from = from; self.to = to }
    public var years: ClosedRange<Int> { from...max(from, to) }
    public func contains(_ year: Int) -> Bool { year >= from && year <= to }
}

public struct Person: Sendable, Equatable {
    public var name: String
    public var role: String
    public init(name: String, role: String) { self.name = name; self.role = role }
}

public enum PlanStatus: String, Sendable, CaseIterable {
    case draft, submitted, approved
}

public struct Decision: Sendable, Equatable {
    public var id: String
    /// Code from the decision-kind catalog (`leve-hele-livet`, `plan-approval` …).
    public var kind: String
    public var title: String
    /// The deciding body (Kommunestyret, Hovedutvalg for helse og omsorg …).
    public var body: String
    /// Case number in the municipality's archive (saksnummer).
    public var caseNumber: String
    /// ISO date, YYYY-MM-DD.
    public var date: String
    public init(id: String, kind: String, title: String, body: String, caseNumber: String, date: String) {
        self.id = id; self.kind = kind; self.title = title; self.body = body; self.caseNumber = caseNumber; self.date = date
    }
}

public struct Member: Sendable, Equatable {
    public var name: String
    /// Code from the member-role catalog (`leder`, `tillitsvalgt`, `verneombud` …).
    public var role: String
    /// Whom the member speaks for (a union, a unit, the users' council).
    public var represents: String
    public init(name: String, role: String, represents: String) {
        self.name = name; self.role = role; self.represents = represents
    }
}

/// KS step 7: how the plan is followed up and when it is revised.
public struct FollowUp: Sendable, Equatable {
    public var reporting: String = ""
    /// ISO date (YYYY-MM-DD) of the next revision; empty while not set.
    public var revisionDate: String = ""
    public init(reporting: String = "", revisionDate: String = "") {
        self.reporting = reporting; self.revisionDate = revisionDate
    }
}

public struct Baseline: Sendable, Equatable {
    public var year: Int
    /// Relative service use per person in each age band; the demand projection weights
    /// population growth by them. Planner's assumption, so it lives in the plan.
    public var demandWeights: DemandWeights = DemandWeights()
    public var workforce: [Workforce] = []
    public var population: [PopulationYear] = []
    public init(year: Int) { self.year = year }
}

public struct DemandWeights: Sendable, Equatable {
    public var age67to79 = Hundredths(1)
    public var age80to89 = Hundredths(4)
    public var age90plus = Hundredths(10)
    public init() {}
    public init(age67to79: Hundredths, age80to89: Hundredths, age90plus: Hundredths) {
        self.age67to79 = age67to79; self.age80to89 = age80to89; self.age90plus = age90plus
    }
}

public struct Workforce: Sendable, Equatable {
    public var occupation: String
    public var fte: Hundredths
    public var headcount: Int
    public var vacantFte: Hundredths
    public var turnoverPct: Hundredths
    public var sickLeavePct: Hundredths
    public var partTimePct: Hundredths
    public init(occupation: String, fte: Hundredths, headcount: Int, vacantFte: Hundredths = .zero,
                turnoverPct: Hundredths = .zero, sickLeavePct: Hundredths = .zero, partTimePct: Hundredths = .zero) {
        self.occupation = occupation; self.fte = fte; self.headcount = headcount; self.vacantFte = vacantFte
        self.turnoverPct = turnoverPct; self.sickLeavePct = sickLeavePct; self.partTimePct = partTimePct
    }
}

public struct PopulationYear: Sendable, Equatable {
    public var year: Int
    public var age67to79: Int
    public var age80to89: Int
    public var age90plus: Int
    public init(year: Int, age67to79: Int, age80to89: Int, age90plus: Int) {
        self.year = year; self.age67to79 = age67to79; self.age80to89 = age80to89; self.age90plus = age90plus
    }
}

public struct Need: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var service: String
    public var occupation: String
    public var fte: Hundredths
    /// The year by which the need must be met.
    public var year: Int
    /// KS strategy: anskaffe, utvikle, mobilisere, avvikle.
    public var strategy: String
    public var k2025: [String]
    public var reform: [String]
    public var rationale: String
    public init(id: String, title: String, service: String, occupation: String, fte: Hundredths, year: Int,
                strategy: String, k2025: [String] = [], reform: [String] = [], rationale: String = "") {
        self.id = id; self.title = title; self.service = service; self.occupation = occupation; self.fte = fte
        self.year = year; self.strategy = strategy; self.k2025 = k2025; self.reform = reform; self.rationale = rationale
    }
}

public enum MeasureStatus: String, Sendable, CaseIterable {
    case planned, ongoing, done, cancelled
}

/// A measure (tiltak) with the nine fields of the KS method.
public struct Measure: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var kind: String
    public var strategy: String
    public var needs: [String]
    public var k2025: [String]
    public var reform: [String]
    public var responsible: String
    /// Who takes part, including any binding period (bindingstid).
    public var targetGroup: String
    /// Goal and success criteria.
    public var goal: String
    public var implementation: String
    /// How the measure is evaluated.
    public var indicator: String
    /// Year and month, YYYY-MM.
    public var from: String
    public var to: String
    public var status: MeasureStatus
    /// Started before the plan; matters for grants that fund only new activity.
    public var startedBefore: Bool
    /// FTE the measure itself brings (recruitment, more full-time posts), delivered when it ends.
    public var fteGain: Hundredths
    public init(id: String, title: String, kind: String, strategy: String, needs: [String] = [], k2025: [String] = [],
                reform: [String] = [], responsible: String = "", targetGroup: String = "", goal: String = "",
                implementation: String = "", indicator: String = "", from: String, to: String,
                status: MeasureStatus = .planned, startedBefore: Bool = false, fteGain: Hundredths = .zero) {
        self.id = id; self.title = title; self.kind = kind; self.strategy = strategy; self.needs = needs; self.k2025 = k2025
        self.reform = reform; self.responsible = responsible; self.targetGroup = targetGroup; self.goal = goal
        self.implementation = implementation; self.indicator = indicator; self.from = from; self.to = to
        self.status = status; self.startedBefore = startedBefore; self.fteGain = fteGain
    }

    public var fromYear: Int? { YearMonth(from)?.year }
    public var toYear: Int? { YearMonth(to)?.year }
}

public struct TrainingSlot: Sendable, Equatable, Identifiable {
    public var id: String
    public var measure: String
    public var programme: String
    public var provider: String
    /// Occupation the participants qualify for; nil for competence that adds no FTE to an occupation.
    public var qualifies: String?
    public var startYear: Int
    public var years: Int
    public var participants: Int
    public var fteGainEach: Hundredths
    public init(id: String, measure: String, programme: String, provider: String, qualifies: String?, startYear: Int,
                years: Int, participants: Int, fteGainEach: Hundredths) {
        self.id = id; self.measure = measure; self.programme = programme; self.provider = provider; self.qualifies = qualifies
        self.startYear = startYear; self.years = years; self.participants = participants; self.fteGainEach = fteGainEach
    }

    /// Participants finish in this year (an autumn start plus the programme's length).
    public var finishYear: Int { startYear + years }
    public var fteDelivered: Hundredths { fteGainEach.times(participants) }
}

public struct Budget: Sendable, Equatable {
    public var costs: [CostLine] = []
    public var funding: [FundingLine] = []
    public init(costs: [CostLine] = [], funding: [FundingLine] = []) { self.costs = costs; self.funding = funding }
}

/// Amounts in whole kroner by year, kept sorted by year.
public struct YearAmounts: Sendable, Equatable {
    public private(set) var entries: [(year: Int, kroner: Int)] = []
    public init() {}
    public init(_ pairs: [Int: Int]) {
        entries = pairs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    /// Entries already in year order, each year once.
    init(sorted: [(year: Int, kroner: Int)]) {
        entries = sorted
    }
    public subscript(year: Int) -> Int {
        get {
            let p = place(of: year)
            return p.found ? entries[p.index].kroner : 0
        }
        set {
            let p = place(of: year)
            if p.found { entries[p.index].kroner = newValue } else { entries.insert((year, newValue), at: p.index) }
        }
    }
    /// Adds to a year's amount, with an entry made for a new year: one search, where
    /// `amounts[year] += kroner` makes two.
    public mutating func add(_ kroner: Int, in year: Int) {
        let p = place(of: year)
        if p.found { entries[p.index].kroner += kroner } else { entries.insert((year, kroner), at: p.index) }
    }
    /// Where the year's entry is, or where it belongs. Sums are built in year order, so the
    /// search starts from the end, where the next year of a line usually is.
    private func place(of year: Int) -> (index: Int, found: Bool) {
        var i = entries.count
        while i > 0, entries[i - 1].year > year { i -= 1 }
        return i > 0 && entries[i - 1].year == year ? (i - 1, true) : (i, false)
    }
    public mutating func remove(year: Int) { entries.removeAll { $0.year == year } }
    public var total: Int { entries.reduce(0) { $0 + $1.kroner } }
    public var years: [Int] { entries.map(\.year) }
    /// Whether the year has an entry (which may be 0 kr).
    public func has(_ year: Int) -> Bool { place(of: year).found }

    public static func == (a: YearAmounts, b: YearAmounts) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.year == $1.year && $0.kroner == $1.kroner }
    }
}

public struct CostLine: Sendable, Equatable, Identifiable {
    public var id: String
    public var measure: String
    public var category: String
    public var amounts: YearAmounts
    public init(id: String, measure: String, category: String, amounts: YearAmounts) {
        self.id = id; self.measure = measure; self.category = category; self.amounts = amounts
    }
}

public enum FundingStatus: String, Sendable, CaseIterable {
    case planned, applied, granted, rejected
}

public struct FundingLine: Sendable, Equatable, Identifiable {
    public var id: String
    public var source: String
    /// The measure it pays for; nil for money to the plan as a whole (own frame).
    public var measure: String?
    public var status: FundingStatus
    public var amounts: YearAmounts
    public init(id: String, source: String, measure: String?, status: FundingStatus, amounts: YearAmounts) {
        self.id = id; self.source = source; self.measure = measure; self.status = status; self.amounts = amounts
    }
}

public struct Waiver: Sendable, Equatable {
    public var rule: String
    /// Id of the need, measure, slot or budget line the waiver covers ("" for the whole plan).
    public var target: String
    public var reason: String
    public var decidedBy: String
    public var date: String
    public init(rule: String, target: String, reason: String, decidedBy: String, date: String) {
        self.rule = rule; self.target = target; self.reason = reason; self.decidedBy = decidedBy; self.date = date
    }

    /// The rule and what it is waived for, as documents name the waiver: the rule alone for
    /// the whole plan.
    public var name: String { Self.name(rule: rule, target: target) }

    static func name(rule: String, target: String) -> String { target.isEmpty ? rule : rule + " " + target }
}

/// `YYYY-MM` as used for a measure's time frame.
public struct YearMonth: Sendable, Comparable {
    public var year: Int
    public var month: Int

    /// Parsed straight from the UTF-8 bytes: the engine reads every measure's dates.
    public init?(_ text: String) {
        var year = 0, month = 0, i = 0
        for b in text.utf8 {
            switch i {
            case 0...3, 5...6:
                guard b >= 48, b <= 57 else { return nil }
                if i < 4 { year = year * 10 + Int(b - 48) } else { month = month * 10 + Int(b - 48) }
            case 4:
                guard b == UInt8(ascii: "-") else { return nil }
            default:
                return nil
            }
            i += 1
        }
        guard i == 7, (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension Plan {
    /// The plan's own nested fields by their path in the file, with the name (`ui.field.*`)
    /// the editor and the diff give each: «kommunenummer», not «kommune number».
    public static let headerFieldNames: KeyValuePairs<String, String> = [
        "title": "title", "municipality.name": "municipality", "municipality.number": "municipalityNumber",
        "municipality.county": "county", "period.from": "periodFrom", "period.to": "periodTo", "owner.name": "ownerName",
        "owner.role": "ownerRole", "policies": "policies", "followUp.reporting": "reporting", "followUp.revisionDate": "revisionDate",
        "baseline.year": "baselineYear", "baseline.demandWeights.age67to79": "weight67",
        "baseline.demandWeights.age80to89": "weight80", "baseline.demandWeights.age90plus": "weight90",
    ]
}

/// `YYYY-MM-DD` as used for decisions, waivers and revision dates.
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
              let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
              let d = Int(String(decoding: u[8..<10], as: UTF8.self)),
              u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 48 && $0.element <= 57) }),
              (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}
