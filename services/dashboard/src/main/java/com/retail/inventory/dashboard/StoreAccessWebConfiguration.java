package com.retail.inventory.dashboard;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the {@link StoreAccess} controller parameter. */
@Configuration(proxyBeanMethods = false)
class StoreAccessWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new StoreAccessArgumentResolver());
	}

}
