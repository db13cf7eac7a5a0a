package com.mindroom.portal.mailbox;

import com.mindroom.portal.system.PageController;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local mailbox ({@code /app/mailbox}, profile {@code local} only, no sign-in): every
 * email the platform queued, newest first, with its link clickable, so someone running
 * MindRoom locally can confirm their email or reset a password without a mail server.
 */
@PageController
@Profile("local")
class MailboxController {

	private final Mailbox mailbox;

	MailboxController(Mailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/app/mailbox")
	String mailbox(Model model) {
		model.addAttribute("messages", this.mailbox.newest(100));
		return "mailbox";
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("local")
	static class MailboxConfiguration {

		@Bean(destroyMethod = "close")
		Mailbox mailbox(@Value("${spring.datasource.url}") String url,
				@Value("${spring.datasource.username}") String username,
				@Value("${spring.datasource.password:}") String password) {
			return new Mailbox(url, username, password);
		}

	}

}
