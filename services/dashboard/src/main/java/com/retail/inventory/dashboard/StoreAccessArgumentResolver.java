package com.retail.inventory.dashboard;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controller methods the signed-in user's {@link StoreAccess} as a parameter. */
final class StoreAccessArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return StoreAccess.class.equals(parameter.getParameterType());
	}

	@Override
	public StoreAccess resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		if (request.getUserPrincipal() instanceof CognitoAuthentication user) {
			return user.access();
		}
		return StoreAccess.of(SecurityContextHolder.getContext().getAuthentication());
	}

}
