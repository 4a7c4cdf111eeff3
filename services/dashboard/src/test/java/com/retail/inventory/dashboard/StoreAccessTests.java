package com.retail.inventory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** The rule from groups and {@code custom:stores} to what a user sees. */
class StoreAccessTests {

	private final StoreAccessRules rules = TestUsers.RULES;

	@Test
	void headOfficeSeesEveryStoreAndMayEditThresholdsEvenWhenAlsoAStoreManager() {
		StoreAccess access = rules.of("boss", List.of("store-managers", "head-office"), "Berlin");
		assertThat(access.all()).isTrue();
		assertThat(access.any()).isTrue();
		assertThat(access.allows("Calcutta")).isTrue();
		assertThat(access.stores()).isEmpty();
		assertThat(access.canEditThresholds()).isTrue();
		List<String> rows = List.of("Calcutta", "Berlin");
		assertThat(access.filter(rows, (row) -> row)).isSameAs(rows);
		access.require("Anywhere");
	}

	@Test
	void storeManagersSeeTheirListedStoresTrimmedAndCaseSensitive() {
		StoreAccess access = rules.of("manager", List.of("store-managers"), " Berlin ,,Pusan, ");
		assertThat(access.all()).isFalse();
		assertThat(access.any()).isTrue();
		assertThat(access.stores()).containsExactly("Berlin", "Pusan");
		assertThat(access.allows("Berlin")).isTrue();
		assertThat(access.allows("berlin")).isFalse();
		assertThat(access.allows("Calcutta")).isFalse();
		assertThat(access.allows(null)).isFalse();
		assertThat(access.canEditThresholds()).isFalse();
		assertThat(access.filter(List.of("Calcutta", "Pusan", "Berlin", "Pusan "), (row) -> row))
			.containsExactly("Pusan", "Berlin");
		assertThat(access.allowsAny(List.of("Calcutta", "Pusan"))).isTrue();
		assertThat(access.allowsAny(List.of())).isFalse();
		assertThatThrownBy(() -> access.require("Calcutta")).isInstanceOf(StoreAccess.Denied.class)
			.hasMessageContaining("'Calcutta'")
			.hasMessageContaining("Berlin, Pusan");
	}

	@Test
	void aStoreManagerWithoutStoresSeesNone() {
		StoreAccess access = rules.of("manager", List.of("store-managers"), null);
		assertThat(access.any()).isTrue();
		assertThat(access.stores()).isEmpty();
		assertThatThrownBy(() -> access.require("Berlin")).hasMessageContaining("none yet");
	}

	@Test
	void usersInNoGroupSeeNothingAndAreToldWhy() {
		StoreAccess access = rules.of("new-starter", List.of("other"), "Berlin");
		assertThat(access.any()).isFalse();
		assertThat(access.all()).isFalse();
		assertThat(access.allows("Berlin")).isFalse();
		assertThat(access.filter(List.of("Berlin"), (row) -> row)).isEmpty();
		assertThatThrownBy(() -> access.require("Berlin")).isInstanceOf(StoreAccess.Denied.class)
			.hasMessageContaining("new-starter")
			.hasMessageContaining("no dashboard group")
			.hasMessageContaining("Ask head office");
	}

	@Test
	void readFromTheAuthenticationOfTheSignIn() {
		assertThat(StoreAccess.of(TestUsers.storeManager("manager", "Berlin")).stores()).containsExactly("Berlin");
		assertThat(StoreAccess.of(TestUsers.headOffice("boss")).all()).isTrue();
		assertThat(StoreAccess.of(UsernamePasswordAuthenticationToken.authenticated("x", null, List.of())).any())
			.isFalse();
		assertThat(StoreAccess.of(null).any()).isFalse();
	}

	@Test
	void theSessionsAuthenticationSerializes() throws Exception {
		CognitoAuthentication user = new CognitoAuthentication("manager", List.of("store-managers"),
				rules.of("manager", List.of("store-managers"), "Berlin"),
				new CognitoTokens("id", "access", "refresh", Instant.EPOCH, Instant.EPOCH));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(user);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			CognitoAuthentication copy = (CognitoAuthentication) in.readObject();
			assertThat(copy.getName()).isEqualTo("manager");
			assertThat(copy.access()).isEqualTo(user.access());
			assertThat(copy.tokens()).isEqualTo(user.tokens());
			assertThat(CognitoClaims.groups(copy)).containsExactly("store-managers");
		}
	}

}
