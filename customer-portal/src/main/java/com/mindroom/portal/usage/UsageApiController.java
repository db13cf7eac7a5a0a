package com.mindroom.portal.usage;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.portal.system.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Daily usage over the API.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "usage", description = "Daily usage")
class UsageApiController {

	private final Usage usage;

	UsageApiController(Usage usage) {
		this.usage = usage;
	}

	@GetMapping
	@Operation(summary = "Usage per day, oldest first, ending today (UTC)", description = "days: 1 to 365, default 30.")
	List<DayUsage> usage(Caller caller, @RequestParam(defaultValue = "30") int days) {
		return this.usage.lastDays(caller.accountId(), days);
	}

}
