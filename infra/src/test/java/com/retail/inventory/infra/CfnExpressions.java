package com.retail.inventory.infra;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the intrinsic functions CDK emits for ARNs and names into readable strings, so
 * a test can compare a whole ARN at once:
 * {@code {"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":sqs:..."]]}} becomes
 * {@code arn:${AWS::Partition}:sqs:...}. Anything it does not know fails the test rather
 * than guessing.
 */
public final class CfnExpressions {

	private CfnExpressions() {
	}

	public static String render(Object value) {
		if (value instanceof String text) {
			return text;
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		if (value instanceof Map<?, ?> function && function.size() == 1) {
			Map.Entry<?, ?> entry = function.entrySet().iterator().next();
			Object argument = entry.getValue();
			switch (entry.getKey().toString()) {
				case "Ref":
					return "${" + argument + "}";
				case "Fn::GetAtt":
					return "${" + ((List<?>) argument).get(0) + "." + ((List<?>) argument).get(1) + "}";
				case "Fn::Join": {
					List<?> join = (List<?>) argument;
					return ((List<?>) join.get(1)).stream()
						.map(CfnExpressions::render)
						.collect(Collectors.joining(join.get(0).toString()));
				}
				case "Fn::Select":
					return "Select(" + ((List<?>) argument).get(0) + "," + render(((List<?>) argument).get(1)) + ")";
				case "Fn::Split":
					return "Split(" + ((List<?>) argument).get(0) + "," + render(((List<?>) argument).get(1)) + ")";
				case "Fn::Sub":
					return argument.toString();
				case "Fn::ImportValue":
					return "ImportValue(" + render(argument) + ")";
				default:
					break;
			}
		}
		throw new IllegalArgumentException("Cannot render " + value);
	}

	/**
	 * A statement's Action or Resource, which CloudFormation allows as one value or a
	 * list.
	 */
	public static List<String> renderAll(Object valueOrList) {
		if (valueOrList instanceof List<?> list) {
			return list.stream().map(CfnExpressions::render).toList();
		}
		return List.of(render(valueOrList));
	}

}
