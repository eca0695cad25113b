"""What the coded values of the MPFS relative value file mean, in our words.

Source: the CMS Physician Fee Schedule relative value file documentation
(the RVU25D release notes that come with ``PPRRVU2025_Oct.csv``). The
wording here is this project's summary of each value, not CMS's text.
"""

from __future__ import annotations

STATUS_CODE: dict[str, str] = {
    "A": "Active: paid under the fee schedule with these RVUs",
    "B": "Bundled: always paid as part of another service, never separately",
    "C": "Contractor priced: the Medicare contractor sets the payment",
    "D": "Deleted code",
    "E": "Excluded from the fee schedule by regulation",
    "F": "Deleted or discontinued code, no grace period",
    "G": "Not valid for Medicare: another code is used instead",
    "H": "Deleted modifier: this code with this modifier is no longer paid",
    "I": "Not valid for Medicare payment: Medicare uses another code",
    "J": "Anesthesia service: paid by base and time units, no RVUs here",
    "M": "Measurement code: reported for quality programmes, not paid",
    "N": "Not covered by Medicare",
    "P": "Bundled or excluded: no separate fee schedule payment",
    "R": "Restricted coverage: paid only in special cases the contractor decides",
    "T": "Paid only when no other fee schedule service is billed that day",
    "X": "Excluded by statute: not a physician service under the fee schedule",
}

PCTC_INDICATOR: dict[str, str] = {
    "0": "Physician service: the professional/technical split does not apply",
    "1": "Diagnostic test with professional and technical parts (26 and TC apply)",
    "2": "Code for the professional part only",
    "3": "Code for the technical part only",
    "4": "Global test only: separate codes exist for each part",
    "5": "Incident-to service by staff under supervision: 26 and TC do not apply",
    "6": "Laboratory physician interpretation: TC does not apply",
    "7": "Physical therapy service: a professional part billed with 26 is not paid",
    "8": "Physician interpretation: only the professional part is paid",
    "9": "The professional/technical split does not apply",
}

GLOBAL_DAYS: dict[str, str] = {
    "000": "No days after: care on the day of the procedure is included",
    "010": "10 days after the procedure are included",
    "090": "Major surgery: the day before and 90 days after are included",
    "MMM": "Maternity care: the usual global period does not apply",
    "XXX": "The global period does not apply",
    "YYY": "The contractor sets the global period",
    "ZZZ": "Add-on: falls within the global period of the primary service",
}

MULTIPLE_PROCEDURE: dict[str, str] = {
    "0": "No reduction for multiple procedures",
    "1": "An older standard multiple-procedure reduction applies",
    "2": "Standard reduction: the highest priced at 100%, the others at 50%",
    "3": "Endoscopy rule: related endoscopies are priced from their base code",
    "4": "Multiple diagnostic imaging reduction applies",
    "5": "Multiple therapy services reduction applies to practice expense",
    "6": "Multiple diagnostic cardiovascular services reduction applies",
    "7": "Multiple diagnostic ophthalmology services reduction applies",
    "9": "Multiple-procedure rules do not apply",
}

BILATERAL_SURGERY: dict[str, str] = {
    "0": "No bilateral adjustment: a bilateral claim is paid as one procedure",
    "1": "Bilateral adjustment: paid at 150% when done on both sides",
    "2": "The code already describes a bilateral procedure: no adjustment",
    "3": "Each side is paid at 100%",
    "9": "Bilateral rules do not apply",
}

ASSISTANT_AT_SURGERY: dict[str, str] = {
    "0": "Assistant paid only with documented medical necessity",
    "1": "Assistant at surgery is not paid",
    "2": "Assistant at surgery may be paid",
    "9": "Assistant-at-surgery rules do not apply",
}

CO_SURGEONS: dict[str, str] = {
    "0": "Co-surgeons are not paid",
    "1": "Co-surgeons paid with documented medical necessity",
    "2": "Co-surgeons may be paid",
    "9": "Co-surgeon rules do not apply",
}

TEAM_SURGERY: dict[str, str] = {
    "0": "A surgical team is not paid",
    "1": "A surgical team is paid with documented medical necessity",
    "2": "A surgical team may be paid",
    "9": "Team surgery rules do not apply",
}

PHYSICIAN_SUPERVISION: dict[str, str] = {
    "01": "General supervision",
    "02": "Direct supervision",
    "03": "Personal supervision",
    "04": "No supervision when done by a qualified psychologist, else general",
    "05": "No supervision when done by a qualified audiologist, else direct",
    "06": "Done by a physician or a qualified specialist (certified staff)",
    "09": "Supervision rules do not apply",
    "21": "General supervision when a certified technician does it, else direct",
    "22": "A technician may do it with real-time contact to a physician",
    "66": "Done by a physician or a specialty-certified physical therapist",
    "6A": "As 66; a certified physical therapist may also supervise",
    "77": "A certified physical therapist, or direct supervision by a physician",
    "7A": "As 77; a certified physical therapist may also supervise",
}

IMAGING_FAMILY: dict[str, str] = {
    "88": "Subject to the multiple imaging reduction",
    "99": "Not subject to the multiple imaging reduction",
}

NA_INDICATOR: dict[str, str] = {
    "NA": "Not paid in this setting: the service is not normally done there",
}

NOT_FOR_MEDICARE_PAYMENT: dict[str, str] = {
    "+": "These RVUs are not used for Medicare payment",
}
