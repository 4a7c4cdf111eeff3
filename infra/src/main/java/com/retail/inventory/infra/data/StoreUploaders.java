package com.retail.inventory.infra.data;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.cluster.ResourceArns;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * The one role store uploaders assume: a session tagged {@code store=<store>} may upload
 * under {@code stores/<store>/} of the uploads bucket, read the reports of those uploads
 * ({@code reports/stores/<store>/}) and list both prefixes, nothing else. The store is
 * never in the policy: it is the session tag, substituted for
 * {@code ${aws:PrincipalTag/store}} on every request, so one role serves every store and
 * a session can only reach its own store's keys. (Ingest checks that a file under
 * {@code stores/<store>/} holds only that store's rows.)
 *
 * <p>
 * Trust: the account root by default (every principal of the account whose own IAM policy
 * allows {@code sts:AssumeRole} and {@code sts:TagSession} on this role; restrict the tag
 * value there, with {@code aws:RequestTag/store}), or the principal given as context
 * {@code storeUploaderTrustedPrincipalArn}. {@code AssumeRole} must pass the
 * {@code store} tag: a session without it would match no resource of the policy (IAM
 * gives a missing tag no value), so the trust refuses it at AssumeRole instead of letting
 * every upload fail later.
 *
 * <p>
 * The tag is not required to be transitive: this role may not assume any role, so no
 * session downstream of it could read the tag. A caller that itself carries {@code store}
 * as an inherited transitive tag cannot pass it again (STS refuses to override a
 * transitive tag), and so cannot assume this role: store identities come from the
 * caller's own IAM policy, not from role chains.
 */
public final class StoreUploaders extends Construct {

	/** The session tag naming the uploader's store. */
	public static final String STORE_TAG = "store";

	/** Where a store uploads: {@code stores/<store>/<file>}. */
	public static final String STORES_PREFIX = "stores/";

	/** IAM's policy variable for the session's store tag. */
	static final String STORE_VARIABLE = "${aws:PrincipalTag/" + STORE_TAG + "}";

	private final Role role;

	public StoreUploaders(Construct scope, String id, InventoryResources names, ResourceArns arns,
			Optional<String> trustedPrincipalArn) {
		super(scope, id);
		String ownUploads = STORES_PREFIX + STORE_VARIABLE + "/*";
		// The report of upload key K is <reports prefix>K.json.
		String ownReports = names.uploadsReportsPrefix() + ownUploads;
		ArnPrincipal trusted = trustedPrincipalArn.map(ArnPrincipal::new).orElseGet(AccountRootPrincipal::new);
		this.role = Role.Builder.create(this, "Role")
			.description("Store uploaders: assumed with session tag " + STORE_TAG + "=<store>, puts files under "
					+ STORES_PREFIX + "<store>/ of the uploads bucket and reads their reports")
			// One trust statement: sts:AssumeRole and sts:TagSession, only with a store
			// tag.
			.assumedBy(trusted.withConditions(Map.of("Null", Map.of("aws:RequestTag/" + STORE_TAG, "false")))
				.withSessionTags())
			.inlinePolicies(Map.of("StoreUploaderPermissions", PolicyDocument.Builder.create()
				.statements(List.of(allow("UploadOwnStoreFiles", "s3:PutObject", arns.objects(ownUploads), Map.of()),
						allow("ReadOwnStoreReports", "s3:GetObject", arns.objects(ownReports), Map.of()),
						// Listing is granted on the bucket; the prefix condition
						// keeps it to the store's two prefixes (a list without
						// a prefix is refused).
						allow("ListOwnStorePrefixes", "s3:ListBucket", arns.bucket(),
								Map.of("StringLike", Map.of("s3:prefix", List.of(ownUploads, ownReports))))))
				.build()))
			.build();
	}

	private static PolicyStatement allow(String sid, String action, String resource, Map<String, Object> conditions) {
		PolicyStatement.Builder statement = PolicyStatement.Builder.create()
			.sid(sid)
			.effect(Effect.ALLOW)
			.actions(List.of(action))
			.resources(List.of(resource));
		if (!conditions.isEmpty()) {
			statement.conditions(conditions);
		}
		return statement.build();
	}

	public Role role() {
		return role;
	}

}
