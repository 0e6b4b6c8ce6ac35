package org.bedsim.metrics;

import java.util.Locale;

/**
 * Who a delayed transfer of care is attributed to, as the national return does: the organisation responsible for the
 * service the patient awaits. A property of the downstream (awaited) setting.
 */
public enum DelayOwner {
    /** Adult social care: home care, reablement run by the council, care-home placements, social care assessment. */
    SOCIAL_CARE,
    /** The NHS: community and intermediate beds run or commissioned by the NHS, continuing health care. */
    NHS,
    /** Jointly attributable: services commissioned together (pooled intermediate care). */
    JOINT,
    /** No owner given for the awaited setting. */
    UNATTRIBUTED;

    /** @return the stable snake_case key */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
