package com.mindroom.admin.operator;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;

import com.mindroom.admin.system.AdminProperties;
import com.mindroom.admin.totp.SecondFactor;
import com.mindroom.admin.totp.Totp;
import com.mindroom.common.security.SecretBox;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs an operator command instead of the web application: the same configuration and
 * database, no web server. Not a component, so the web application never picks it up.
 */
@EnableAutoConfiguration
@EnableConfigurationProperties(AdminProperties.class)
@Import(CreateAdminCommand.class)
public class OperatorApplication {

	static final String CREATE_ADMIN = "create-admin";

	/**
	 * Whether the command line asks for an operator command.
	 * @param args the command line
	 * @return whether it does
	 */
	public static boolean handles(String[] args) {
		return Arrays.asList(args).contains(CREATE_ADMIN);
	}

	/**
	 * Runs the command and returns its exit code.
	 * @param args the command line
	 * @param out where the command prints its results
	 * @return the exit code (0 done, 1 refused, 2 usage)
	 */
	public static int run(String[] args, PrintStream out) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(OperatorApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "spring.session.jdbc.initialize-schema=never")
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("operatorOutput", out))
			.run(args);
		return SpringApplication.exit(context);
	}

	@Bean
	SecondFactor operatorSecondFactor(JdbcClient jdbc, SecretBox box) {
		return new SecondFactor(jdbc, box, new Totp(Clock.systemUTC()));
	}

}
