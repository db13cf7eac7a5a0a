package com.mindroom.stripesim.system;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Binds the simulator's settings and turns on its scheduled work (the billing tick).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
@EnableScheduling
class SystemConfiguration {

}
