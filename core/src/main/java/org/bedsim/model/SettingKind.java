package org.bedsim.model;

/** The kinds of place a patient can occupy. */
public enum SettingKind {
    /** An acute hospital ward or site. */
    ACUTE,
    /** A community hospital ward: rehabilitation, sub-acute or stroke. */
    COMMUNITY,
    /** A virtual ward or intensive community support: a finite caseload of patients cared for at home. */
    VIRTUAL_WARD,
    /**
     * Home-based slots with a finite caseload: reablement, rapid response, early supported discharge (discharge
     * pathway 1). A patient holds one slot for the length of the support; behaves as a virtual ward.
     */
    CASELOAD,
    /** An interim or care-home bed. */
    INTERIM,
    /** A sink with no capacity and no stay: home, death, a permanent care-home placement. */
    HOME
}
