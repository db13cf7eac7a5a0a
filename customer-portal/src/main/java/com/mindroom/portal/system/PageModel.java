package com.mindroom.portal.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in account (for the navigation) and the
 * current path (to mark the active link).
 */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

	@ModelAttribute("currentAccount")
	Object currentAccount(HttpServletRequest request) {
		return request.getAttribute(AccountGate.ACCOUNT);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
