package com.retail.inventory.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.retail.inventory.contracts.InventoryResources;
import com.retail.inventory.infra.SynthesizedApp.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The Inventory table streams its item changes to inventory-changes, the stream
 * stock-alert reads.
 */
class ChangeStreamDestinationTests {

	private static final InventoryResources NAMES = InventoryResources.load();

	private final Template template = SynthesizedApp.of(Variant.DEFAULTS).dataTemplate();

	private final TemplateResources resources = new TemplateResources(SynthesizedApp.of(Variant.DEFAULTS).dataJson());

	@Test
	void inventoryTableWritesItsChangesToTheChangesStream() {
		String changesStreamId = resources.single("AWS::Kinesis::Stream", "Name", NAMES.changesStream()).getKey();
		template.hasResourceProperties("AWS::DynamoDB::Table",
				Map.of("TableName", NAMES.inventoryTable(), "KinesisStreamSpecification",
						Map.of("StreamArn", Map.of("Fn::GetAtt", List.of(changesStreamId, "Arn")),
								// Epoch milliseconds, as the change-stream contract says.
								"ApproximateCreationDateTimePrecision", "MILLISECOND")));
	}

	@Test
	void noOtherTableStreamsAnywhere() {
		long streamingTables = resources.ofType("AWS::DynamoDB::Table")
			.values()
			.stream()
			.map(TemplateResources::properties)
			.filter(properties -> properties.containsKey("KinesisStreamSpecification")
					|| properties.containsKey("StreamSpecification"))
			.count();
		assertThat(streamingTables).isOne();
		template.hasResourceProperties("AWS::DynamoDB::Table",
				Map.of("TableName", NAMES.alertLogTable(), "KinesisStreamSpecification", Match.absent()));
	}

}
