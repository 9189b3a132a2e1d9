/**
 * Value types and infrastructure every module uses: the union's percentage rule, number formats,
 * base exceptions, safe spreadsheet handling and the database bootstrap.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package kz.oqytu.shared;
