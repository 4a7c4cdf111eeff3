package com.retail.inventory.dashboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param table the Inventory table
 * @param uploads the upload tracking table and the reports
 * @param thresholds the low-stock thresholds table
 * @param cognito the user pool users sign in with
 * @param headOfficeGroup the Cognito group whose members see every store and may change
 * thresholds
 * @param storeManagersGroup the Cognito group whose members see the stores of their
 * {@code custom:stores} attribute
 * @param sessionCheck how often a web session's access token is checked with Cognito
 * (GetUser), so a disabled or signed-out user loses access within this time
 * @param view how the in-memory inventory view is kept current
 */
@Validated
@ConfigurationProperties("inventory.dashboard")
public record DashboardProperties(@NotBlank String table, @Valid @NotNull Uploads uploads,
		@Valid @NotNull Thresholds thresholds, @Valid @NotNull Cognito cognito, @NotBlank String headOfficeGroup,
		@NotBlank String storeManagersGroup, @DefaultValue("60s") Duration sessionCheck,
		@Valid @DefaultValue View view) {

	/**
	 * @param table the upload tracking table ({@code UploadsTable})
	 * @param bucket the uploads bucket, which holds the reports
	 * @param reportsPrefix where the reports are in the bucket, e.g. {@code reports/}
	 * @param retentionDays how many days back the upload list looks
	 */
	public record Uploads(@NotBlank String table, @NotBlank String bucket, @NotNull String reportsPrefix,
			@Min(1) int retentionDays) {
	}

	/**
	 * @param table the low-stock thresholds table ({@code ThresholdsTable})
	 */
	public record Thresholds(@NotBlank String table) {
	}

	/**
	 * @param region the pool's region
	 * @param userPoolId e.g. {@code eu-west-1_AbC123}
	 * @param clientId the dashboard's app client (no secret, USER_PASSWORD_AUTH allowed)
	 * @param issuerUri token issuer; defaults to the Cognito issuer of the pool
	 * @param jwkSetUri signing keys; defaults to the issuer's
	 * {@code /.well-known/jwks.json}
	 */
	public record Cognito(@NotBlank String region, @NotBlank String userPoolId, @NotBlank String clientId,
			URI issuerUri, URI jwkSetUri) {

		public URI issuer() {
			return issuerUri != null ? issuerUri
					: URI.create("https://cognito-idp." + region + ".amazonaws.com/" + userPoolId);
		}

		public URI jwks() {
			return jwkSetUri != null ? jwkSetUri : URI.create(issuer() + "/.well-known/jwks.json");
		}
	}

	/**
	 * @param debounce a changed store is read again at most once per this
	 * @param rescan how often the whole table is read again (reconciliation)
	 * @param thresholdsRefresh how often the thresholds are read again (a change through
	 * this dashboard applies at once)
	 * @param startupWait how long a request waits for the first read of the table before
	 * it is answered 503
	 * @param lastUploadTtl how long a store's latest upload is kept before it is looked
	 * up again
	 */
	public record View(@DefaultValue("1s") Duration debounce, @DefaultValue("1h") Duration rescan,
			@DefaultValue("30s") Duration thresholdsRefresh, @DefaultValue("30s") Duration startupWait,
			@DefaultValue("10s") Duration lastUploadTtl) {
	}

}
