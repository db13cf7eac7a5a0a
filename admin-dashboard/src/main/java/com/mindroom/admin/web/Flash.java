package com.mindroom.admin.web;

import com.mindroom.common.instance.InstanceActionRefusedException;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a page's action and leaves its outcome as a flash message for the page the browser
 * is sent back to: the success text, or what was wrong in words the admin can act on.
 */
public final class Flash {

	private Flash() {
	}

	public static void run(RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", success);
		}
		catch (ErrorResponseException ex) {
			redirect.addFlashAttribute("flashError", String.valueOf(ex.getBody().getDetail()));
		}
		catch (InstanceActionRefusedException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
	}

}
