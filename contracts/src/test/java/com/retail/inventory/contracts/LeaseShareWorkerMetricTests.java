package com.retail.inventory.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeaseShareWorkerMetricTests {

	private static List<String> owners(String... owners) {
		return Arrays.asList(owners);
	}

	@Test
	void aWorkerHoldingEveryLeaseReportsItsExcessOnceAnotherWorkerReports() {
		List<String> owners = owners("a", "a", "a", "a");
		assertThat(LeaseShareWorkerMetric.excessShare(owners, Set.of("a"), "a")).isZero();
		// b has started (it reports, holding nothing): a's fair share is 2 of 4.
		assertThat(LeaseShareWorkerMetric.excessShare(owners, Set.of("a", "b"), "a")).isEqualTo(50);
		assertThat(LeaseShareWorkerMetric.excessShare(owners, Set.of("a", "b"), "b")).isZero();
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "a", "b"), Set.of("a", "b"), "a")).isEqualTo(25);
	}

	@Test
	void aWorkerCountsItselfBeforeItsFirstReport() {
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "a", "a"), Set.of("b"), "a")).isEqualTo(50);
	}

	@Test
	void sharesWithinOneLeaseAreBalanced() {
		Set<String> three = Set.of("a", "b", "c");
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "b", "b"), Set.of("a", "b"), "a")).isZero();
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "b", "c"), three, "a")).isZero();
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "a", "b", "c"), three, "a")).isEqualTo(20);
	}

	@Test
	void leasesNobodyHoldsCountForTheShare() {
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "a", null), Set.of("a", "b"), "a"))
			.isEqualTo(25);
		assertThat(LeaseShareWorkerMetric.excessShare(owners(), Set.of("a"), "a")).isZero();
	}

	@Test
	void aWorkerThatStoppedReportingDoesNotCount() {
		// c still owns a lease (not yet expired) but no longer reports: fair share of a
		// and b is 2.
		assertThat(LeaseShareWorkerMetric.excessShare(owners("a", "a", "a", "c"), Set.of("a", "b"), "a")).isEqualTo(25);
	}

}
