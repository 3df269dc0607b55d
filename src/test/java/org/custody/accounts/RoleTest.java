package org.custody.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void theAuditorOnlyReadsAndOnlyTheAdminManagesAccounts() {
        assertThat(Role.AUDITOR.capabilities()).containsExactly(Capability.READ);
        assertThat(Role.holding(Capability.MANAGE_ACCOUNTS)).containsExactly(Role.ADMIN);
        for (Role r : Role.values()) assertThat(r.may(Capability.READ)).isTrue();
        assertThat(Role.ADMIN.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }

    @Test
    void eachWorkingRoleHoldsItsOwnWork() {
        assertThat(Role.VETTING_OFFICER.may(Capability.DECIDE_VETTING)).isTrue();
        assertThat(Role.ANALYST.may(Capability.DECIDE_VETTING)).isFalse();
        assertThat(Role.MONITORING_OFFICER.may(Capability.WRITE_LEDGER)).isTrue();
        assertThat(Role.VETTING_OFFICER.may(Capability.WRITE_LEDGER)).isFalse();
        assertThat(Role.ANALYST.may(Capability.RUN_DETECTION)).isTrue();
        assertThat(Role.SUPERVISOR.may(Capability.MANAGE_ACCOUNTS)).isFalse();
    }

    @Test
    void rolesParseAsUsersTypeThem() {
        assertThat(Role.parse("vetting-officer")).isEqualTo(Role.VETTING_OFFICER);
        assertThat(Role.parse(" Monitoring_Officer ")).isEqualTo(Role.MONITORING_OFFICER);
        assertThat(Role.VETTING_OFFICER.wire()).isEqualTo("vetting_officer");
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("unknown role 'root'").hasMessageContaining("auditor");
    }
}
