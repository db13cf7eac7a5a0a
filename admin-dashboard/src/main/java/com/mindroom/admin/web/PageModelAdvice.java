package com.mindroom.admin.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: whether the cluster is simulated (a badge says so), who
 * is signed in, and which section is open.
 */
@ControllerAdvice(annotations = AdminPage.class)
public class PageModelAdvice {

	private final boolean simulatedCluster;

	public PageModelAdvice(@Value("${mindroom.cluster.simulated:false}") boolean simulatedCluster) {
		this.simulatedCluster = simulatedCluster;
	}

	@ModelAttribute("simulatedCluster")
	boolean simulatedCluster() {
		return this.simulatedCluster;
	}

	@ModelAttribute("signedInAs")
	String signedInAs() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null
				&& authentication.getPrincipal() instanceof com.mindroom.admin.access.AdminPrincipal principal)
						? principal.email() : null;
	}

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		String[] parts = request.getRequestURI().split("/");
		return (parts.length > 2) ? parts[2] : "overview";
	}

}
